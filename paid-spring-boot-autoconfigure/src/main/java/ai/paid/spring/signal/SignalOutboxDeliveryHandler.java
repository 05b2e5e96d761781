package ai.paid.spring.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.signal.SignalCustomerReadiness.Readiness;

/**
 * Delivers {@code SIGNAL} outbox rows with the idempotency key stored in the row, so a row sent again after a timeout
 * or crash is counted by Paid as a duplicate. Rows the outbox delivers concurrently (different lanes) share bulk
 * POSTs, sent as soon as fewer than {@code maxInFlight} POSTs are out and otherwise together with the rows that
 * arrived meanwhile (at most {@code batchSize} per POST); the consecutive signals of one lane go together.
 * <p>
 * Before sending a row of a customer named by your external id, the handler asks {@link SignalCustomerReadiness}
 * whether the customer exists in Paid; when it does not yet, the row waits ({@link DeliveryOutcome#waitFor}), consuming
 * no attempt and not counted by the circuit breaker, and so do the customer's later signals in its lane.
 * <p>
 * Transport failures, 5xx, 429 and rejected credentials go back to the outbox, which retries, waits or pauses. A
 * signal Paid answers for but does not accept ({@code failed} in the response, or 400 malformed) would fail the same
 * way again; it is logged, counted in {@code paid.signals.failed{reason=rejected}} and completed, so that it never
 * blocks the customer's signal lane.
 */
public final class SignalOutboxDeliveryHandler implements OutboxDeliveryHandler {

	private final SignalBulkDelivery delivery;

	private final SignalCustomerReadiness readiness;

	private final int batchSize;

	/**
	 * Creates the handler; the auto-configuration does this.
	 * @param client the Paid client; its transport retries are bypassed, the outbox retries
	 * @param observer notified of what happens, for metrics
	 * @param maxInFlight bulk POSTs in flight at once
	 * @param batchSize most rows per bulk POST
	 * @param readiness asked whether a signal's customer exists in Paid before the signal is sent
	 */
	public SignalOutboxDeliveryHandler(PaidClient client, SignalObserver observer, int maxInFlight, int batchSize,
			SignalCustomerReadiness readiness) {
		if (maxInFlight < 1 || batchSize < 1) {
			throw new IllegalArgumentException(
					"maxInFlight and batchSize must be positive, were " + maxInFlight + " and " + batchSize);
		}
		this.delivery = new SignalBulkDelivery(client.withoutRetries(), observer, maxInFlight, batchSize);
		this.batchSize = batchSize;
		this.readiness = readiness;
	}

	@Override
	public String entityType() {
		return SignalOutboxWriter.ENTITY_TYPE;
	}

	@Override
	public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
		return Mono.fromCallable(() -> read(record))
			.flatMap((signal) -> readiness(signal).flatMap((readiness) -> readiness.ready()
					? this.delivery.deliver(signal).then(Mono.<DeliveryOutcome>empty())
					: Mono.just(DeliveryOutcome.waitFor(Objects.requireNonNull(readiness.retryAfter()),
							"Signal waits for its customer: " + readiness.reason()))));
	}

	@Override
	public int maxBatch() {
		return this.batchSize;
	}

	/**
	 * Sends a lane's consecutive signals of one customer in one bulk POST (with other lanes' rows when there is
	 * room). A row whose payload cannot be read ends the group before it, so that its error is its own.
	 */
	@Override
	public Flux<DeliveryOutcome> deliverAll(List<OutboxRecord> records) {
		return Flux.defer(() -> {
			List<Signal> signals = new ArrayList<>();
			for (OutboxRecord record : records) {
				Signal signal;
				try {
					signal = read(record);
				}
				catch (RuntimeException ex) {
					if (signals.isEmpty()) {
						return Flux.error(ex);
					}
					break;
				}
				if (!signals.isEmpty() && !Objects.equals(signal.customer(), signals.get(0).customer())) {
					break;
				}
				signals.add(signal);
			}
			return readiness(signals.get(0)).flatMapMany((readiness) -> readiness.ready()
					? this.delivery.deliverAll(signals)
					: Flux.just(DeliveryOutcome.waitFor(Objects.requireNonNull(readiness.retryAfter()),
							"Signal waits for its customer: " + readiness.reason())));
		});
	}

	private Mono<Readiness> readiness(Signal signal) {
		String externalCustomerId = signal.customer().externalCustomerId();
		if (externalCustomerId == null) {
			return Mono.just(Readiness.sendNow());
		}
		return this.readiness.check(externalCustomerId).defaultIfEmpty(Readiness.sendNow());
	}

	private static Signal read(OutboxRecord record) {
		if (record.payload() == null) {
			throw new IllegalStateException("Outbox row " + record.id() + " of type SIGNAL has no payload");
		}
		return SignalJson.MAPPER.readValue(record.payload(), Signal.class);
	}

}
