package ai.paid.spring.signal;

import ai.paid.spring.bulk.BulkOutboxDeliveryHandler;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;

/**
 * Delivers {@code SIGNAL} outbox rows with the idempotency key stored in the row, so a row sent again after a timeout
 * or crash is counted by Paid as a duplicate. Rows the outbox delivers concurrently (different lanes) share bulk
 * POSTs, sent as soon as fewer than {@code maxInFlight} POSTs are out and otherwise together with the rows that
 * arrived meanwhile (at most {@code batchSize} per POST); the consecutive signals of one lane go together.
 * <p>
 * Before sending a row of a customer named by your external id, the handler asks {@link SignalCustomerReadiness}
 * whether the customer exists in Paid; when it does not yet, the row waits (a {@code DeliveryOutcome.waitFor}),
 * consuming no attempt and not counted by the circuit breaker, and so do the customer's later signals in its lane.
 * <p>
 * Transport failures, 5xx, 429 and rejected credentials go back to the outbox, which retries, waits or pauses. A
 * signal Paid answers for but does not accept ({@code failed} in the response, or 400 malformed) would fail the same
 * way again; it is logged, counted in {@code paid.signals.failed{reason=rejected}} and completed, so that it never
 * blocks the customer's signal lane.
 */
public final class SignalOutboxDeliveryHandler extends BulkOutboxDeliveryHandler<Signal> {

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
		super(SignalOutboxWriter.ENTITY_TYPE, SignalJson.MAPPER.readerFor(Signal.class),
				new SignalBulkPost(client.withoutRetries(), observer, SignalObserver.Path.TRANSACTIONAL),
				Signal::customer, readiness::check, maxInFlight, batchSize);
	}

}
