package ai.paid.spring.cost;

import java.util.Objects;

import reactor.core.publisher.Mono;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.signal.SignalCustomerReadiness;
import ai.paid.spring.signal.SignalCustomerReadiness.Readiness;

/**
 * Delivers {@code COST} outbox rows to {@code POST /costs/bulk}. Rows the outbox delivers concurrently (different
 * lanes) share bulk POSTs, at most {@code maxInFlight} POSTs out and {@code batchSize} rows per POST.
 * <p>
 * A cost of a customer named by your external id waits, like a signal, until {@link SignalCustomerReadiness} says the
 * customer is in Paid (consuming no attempt). Transport failures, 5xx, 429 and rejected credentials go back to the
 * outbox, which retries, waits or pauses: costs carry no idempotency key, so a retry after a lost answer may count a
 * cost twice. A cost Paid rejects as malformed would fail the same way again: it is isolated from its batch, logged,
 * counted in {@code paid.costs.failed{reason=rejected}} and completed, so it never blocks its lane.
 */
public final class CostOutboxDeliveryHandler implements OutboxDeliveryHandler {

	private final CostBulkDelivery delivery;

	private final SignalCustomerReadiness readiness;

	/**
	 * Creates the handler; the auto-configuration does this.
	 * @param client the Paid client
	 * @param observer notified of what happens, for metrics
	 * @param maxInFlight bulk POSTs in flight at once
	 * @param batchSize most rows per bulk POST
	 * @param readiness asked whether a cost's customer exists in Paid before the cost is sent
	 */
	public CostOutboxDeliveryHandler(PaidClient client, CostObserver observer, int maxInFlight, int batchSize,
			SignalCustomerReadiness readiness) {
		if (maxInFlight < 1 || batchSize < 1) {
			throw new IllegalArgumentException(
					"maxInFlight and batchSize must be positive, were " + maxInFlight + " and " + batchSize);
		}
		this.delivery = new CostBulkDelivery(client.withoutRetries(), observer, maxInFlight, batchSize);
		this.readiness = readiness;
	}

	@Override
	public String entityType() {
		return CostOutboxWriter.ENTITY_TYPE;
	}

	@Override
	public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
		return Mono.fromCallable(() -> read(record))
			.flatMap((cost) -> readiness(cost).flatMap((readiness) -> readiness.ready()
					? this.delivery.deliver(cost).then(Mono.<DeliveryOutcome>empty())
					: Mono.just(DeliveryOutcome.waitFor(Objects.requireNonNull(readiness.retryAfter()),
							"Cost waits for its customer: " + readiness.reason()))));
	}

	private Mono<Readiness> readiness(Cost cost) {
		String externalCustomerId = cost.customer().externalCustomerId();
		if (externalCustomerId == null) {
			return Mono.just(Readiness.sendNow());
		}
		return this.readiness.check(externalCustomerId).defaultIfEmpty(Readiness.sendNow());
	}

	private static Cost read(OutboxRecord record) {
		if (record.payload() == null) {
			throw new IllegalStateException("Outbox row " + record.id() + " of type COST has no payload");
		}
		return CostJson.MAPPER.readValue(record.payload(), Cost.class);
	}

}
