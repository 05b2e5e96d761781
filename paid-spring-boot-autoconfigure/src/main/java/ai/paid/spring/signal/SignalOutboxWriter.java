package ai.paid.spring.signal;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import ai.paid.spring.client.Signal;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.signal.SignalObserver.Path;

/**
 * The transactional path: writes a signal emitted inside an active, writable Spring transaction to the outbox in that
 * transaction, so it reaches Paid if and only if the transaction commits.
 * <p>
 * Row identity is the idempotency key, so signal rows never coalesce. Signals have lanes of their own, one per
 * customer, so they keep their order but never wait behind the customer's entity rows (a parked customer row holds
 * back its sync, not its billing): {@code sig:cust:<external id>} for a customer named by your id, and
 * {@code sig:<Paid id>} for one named by Paid id. A signal for a customer that has not reached Paid yet (created in
 * the same transaction) waits at delivery, as {@link SignalCustomerReadiness} decides.
 */
public final class SignalOutboxWriter {

	/** The outbox entity type of signal rows. */
	public static final String ENTITY_TYPE = "SIGNAL";

	private final PaidOutbox outbox;

	private final JsonMapper json;

	private final SignalObserver observer;

	/**
	 * Creates the writer; the auto-configuration does this.
	 * @param outbox the outbox to write to
	 * @param observer notified of what happens, for metrics
	 */
	public SignalOutboxWriter(PaidOutbox outbox, SignalObserver observer) {
		this.outbox = outbox;
		this.json = SignalJson.MAPPER;
		this.observer = observer;
	}

	/**
	 * Writes the signal to the outbox when a writable transaction is active on this thread.
	 * @param signal the complete signal
	 * @return whether it was written; {@code false} means the caller should buffer it instead
	 */
	boolean writeIfInTransaction(Signal signal) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return false;
		}
		this.outbox.enqueue(new OutboxMessage(lane(signal.customer()), ENTITY_TYPE, signal.idempotencyKey(),
				OutboxOperation.UPSERT, this.json.writeValueAsString(signal)));
		this.observer.emitted(Path.TRANSACTIONAL);
		return true;
	}

	static String lane(SignalCustomer customer) {
		return (customer.externalCustomerId() != null) ? "sig:cust:" + customer.externalCustomerId()
				: "sig:" + customer.customerId();
	}

}
