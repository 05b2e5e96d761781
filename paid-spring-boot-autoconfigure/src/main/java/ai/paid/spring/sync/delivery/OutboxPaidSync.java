package ai.paid.spring.sync.delivery;

import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.PaidContactData;
import ai.paid.spring.sync.PaidCustomerData;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidOrderData;
import ai.paid.spring.sync.PaidSyncOperations;
import ai.paid.spring.sync.PaidUserData;

/**
 * {@link PaidSyncOperations} on top of the outbox: every call is one enqueue in the caller's transaction. Created by the
 * auto-configuration.
 */
public final class OutboxPaidSync implements PaidSyncOperations {

	private final PaidOutbox outbox;

	private final SyncMessages messages;

	public OutboxPaidSync(PaidOutbox outbox) {
		this(outbox, new SyncMessages(new SyncPayloadCodec()));
	}

	OutboxPaidSync(PaidOutbox outbox, SyncMessages messages) {
		this.outbox = outbox;
		this.messages = messages;
	}

	@Override
	public void customer(PaidCustomerData customer) {
		this.outbox.enqueue(this.messages.upsert(customer));
	}

	@Override
	public void contact(PaidContactData contact) {
		this.outbox.enqueue(this.messages.upsert(contact));
	}

	@Override
	public void order(PaidOrderData order) {
		this.outbox.enqueue(this.messages.upsert(order));
	}

	@Override
	public void user(PaidUserData user) {
		this.outbox.enqueue(this.messages.upsert(user));
	}

	@Override
	public void delete(PaidEntityType type, String externalId, String customerExternalId) {
		this.outbox.enqueue(this.messages.delete(type, externalId, customerExternalId));
	}

}
