package ai.paid.spring.cost;

import ai.paid.spring.bulk.BulkOutboxDeliveryHandler;
import ai.paid.spring.client.Cost;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.signal.SignalCustomerReadiness;

/**
 * Delivers {@code COST} outbox rows to {@code POST /costs/bulk}. Rows the outbox delivers concurrently (different
 * lanes) share bulk POSTs, at most {@code maxInFlight} POSTs out and {@code batchSize} rows per POST; the consecutive
 * costs of one customer in a lane go together.
 * <p>
 * A cost of a customer named by your external id waits, like a signal, until {@link SignalCustomerReadiness} says the
 * customer is in Paid (consuming no attempt). Transport failures, 5xx, 429 and rejected credentials go back to the
 * outbox, which retries, waits or pauses: costs carry no idempotency key, so a retry after a lost answer may count a
 * cost twice. A cost Paid rejects as malformed would fail the same way again: it is isolated from its batch, logged,
 * counted in {@code paid.costs.failed{reason=rejected}} and completed, so it never blocks its lane.
 */
public final class CostOutboxDeliveryHandler extends BulkOutboxDeliveryHandler<Cost> {

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
		super(CostOutboxWriter.ENTITY_TYPE, CostJson.MAPPER.readerFor(Cost.class),
				new CostBulkPost(client.withoutRetries(), observer, CostObserver.Path.TRANSACTIONAL),
				Cost::customer, readiness::check, maxInFlight, batchSize);
	}

}
