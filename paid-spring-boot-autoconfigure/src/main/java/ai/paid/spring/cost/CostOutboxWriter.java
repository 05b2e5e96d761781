package ai.paid.spring.cost;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.PaidOutbox;

/**
 * The transactional path: writes a cost recorded inside an active, writable Spring transaction to the outbox in that
 * transaction, so it reaches Paid if and only if the transaction commits, and survives a restart once committed.
 * <p>
 * Each row has an identity of its own (costs never coalesce) and travels in its customer's cost lane:
 * {@code cost:cust:<external id>} for a customer named by your id, {@code cost:<Paid id>} for one named by Paid id.
 * Costs thus keep their order per customer and never wait behind the customer's entity rows or signals.
 */
public final class CostOutboxWriter {

	/** The outbox entity type of cost rows. */
	public static final String ENTITY_TYPE = "COST";

	private final PaidOutbox outbox;

	private final JsonMapper json;

	/**
	 * Creates the writer; the auto-configuration does this.
	 * @param outbox the outbox to write to
	 */
	public CostOutboxWriter(PaidOutbox outbox) {
		this.outbox = outbox;
		this.json = CostJson.MAPPER;
	}

	/**
	 * Writes the cost to the outbox when a writable transaction is active on this thread.
	 * @param cost the complete cost
	 * @return whether it was written; {@code false} means the caller should buffer it instead
	 */
	boolean writeIfInTransaction(Cost cost) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return false;
		}
		this.outbox.enqueue(new OutboxMessage(lane(cost.customer()), ENTITY_TYPE, UUID.randomUUID().toString(),
				OutboxOperation.UPSERT, this.json.writeValueAsString(cost)));
		return true;
	}

	static String lane(SignalCustomer customer) {
		return (customer.externalCustomerId() != null) ? "cost:cust:" + customer.externalCustomerId()
				: "cost:" + customer.customerId();
	}

}
