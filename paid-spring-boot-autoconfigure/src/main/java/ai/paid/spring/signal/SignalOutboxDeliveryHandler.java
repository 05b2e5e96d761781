package ai.paid.spring.signal;

import reactor.core.publisher.Mono;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxRecord;

/**
 * Delivers {@code SIGNAL} outbox rows with the idempotency key stored in the row, so a row sent again after a timeout
 * or crash is counted by Paid as a duplicate. Rows the outbox delivers concurrently (different lanes) share bulk
 * POSTs, sent as soon as fewer than four POSTs are out and otherwise together with the rows that arrived meanwhile.
 * <p>
 * Transport failures, 5xx, 429 and rejected credentials go back to the outbox, which retries, waits or pauses. A
 * signal Paid answers for but does not accept ({@code failed} in the response, or 400 malformed) would fail the same
 * way again; it is logged, counted in {@code paid.signals.failed{reason=rejected}} and completed, so that it never
 * blocks the customer's lane (which it shares with the customer's sync).
 */
public final class SignalOutboxDeliveryHandler implements OutboxDeliveryHandler {

	private static final int MAX_IN_FLIGHT = 4;

	private static final int MAX_BATCH = 100;

	private final SignalBulkDelivery delivery;

	/**
	 * Creates the handler; the auto-configuration does this.
	 * @param client the Paid client; its transport retries are bypassed, the outbox retries
	 * @param metrics where to report
	 */
	public SignalOutboxDeliveryHandler(PaidClient client, SignalMetrics metrics) {
		this.delivery = new SignalBulkDelivery(client.withoutRetries(), metrics, MAX_IN_FLIGHT, MAX_BATCH);
	}

	@Override
	public String entityType() {
		return SignalOutboxWriter.ENTITY_TYPE;
	}

	@Override
	public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
		return Mono.fromCallable(() -> read(record)).flatMap(this.delivery::deliver).then(Mono.empty());
	}

	private static Signal read(OutboxRecord record) {
		if (record.payload() == null) {
			throw new IllegalStateException("Outbox row " + record.id() + " of type SIGNAL has no payload");
		}
		return SignalJson.MAPPER.readValue(record.payload(), Signal.class);
	}

}
