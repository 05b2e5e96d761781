package ai.paid.spring.sync.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.delivery.SyncMessages;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The synced entities one session changed in its current transaction, snapshotted after the last flush (so the state
 * is what commits) and queued in the outbox on the same connection, the way Envers writes audit rows. Discarded after
 * completion; a rollback never reaches the queueing steps.
 * <p>
 * Two hooks queue, whichever comes first: in a Spring-managed transaction, this synchronization's
 * {@code beforeCommit} flushes the session and queues (the outbox also writes in {@code beforeCommit}, so it must see
 * the messages then); Hibernate's before-completion callback, after its own final flush, queues whatever changed
 * after that (another synchronization's late changes, or transactions Spring does not manage).
 */
final class TransactionChanges
		implements BeforeCompletionCallback, AfterCompletionCallback, TransactionSynchronization {

	private static final Comparator<OutboxMessage> UPSERT_ORDER = Comparator
		.comparingInt((OutboxMessage message) -> PaidEntityType.valueOf(message.entityType()).ordinal())
		.thenComparing(OutboxMessage::lane);

	/** Deletes go children first: orders, contacts, then customers. */
	private static final Comparator<OutboxMessage> DELETE_ORDER = Comparator
		.comparingInt((OutboxMessage message) -> -PaidEntityType.valueOf(message.entityType()).ordinal())
		.thenComparing(OutboxMessage::lane);

	private final Map<EntityKey, Change> changes = new LinkedHashMap<>();

	private final EntityMappings mappings;

	private final SyncMessages messages;

	private final Consumer<OutboxMessage> outbox;

	private final Runnable onCompletion;

	private final SharedSessionContractImplementor session;

	TransactionChanges(SharedSessionContractImplementor session, EntityMappings mappings, SyncMessages messages,
			Consumer<OutboxMessage> outbox, Runnable onCompletion) {
		this.session = session;
		this.mappings = mappings;
		this.messages = messages;
		this.outbox = outbox;
		this.onCompletion = onCompletion;
	}

	void inserted(EntityKey key, Object entity) {
		this.changes.put(key, new Change(entity, true, null));
	}

	void updated(EntityKey key, Object entity) {
		Change previous = this.changes.get(key);
		if (previous == null || previous.delete() == null) {
			this.changes.put(key, new Change(entity, previous != null && previous.inserted(), null));
		}
	}

	void deleted(EntityKey key, Object entity) {
		Change previous = this.changes.remove(key);
		if (previous != null && previous.inserted()) {
			return; // created and removed in one transaction: Paid never needs to know
		}
		PaidEntityData data = this.mappings.snapshot(entity);
		this.changes.put(key, new Change(entity, false,
				this.messages.delete(data.type(), data.externalId(), data.customerExternalId())));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		if (!readOnly && this.session instanceof SessionImplementor stateful && stateful.isOpen()) {
			stateful.flush();
		}
		List<TransactionSynchronization> before = TransactionSynchronizationManager.getSynchronizations();
		queue();
		// Spring runs beforeCommit only for synchronizations registered before the phase began; one the outbox
		// registered just now for our messages must still write them before the commit
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (!before.contains(synchronization)) {
				synchronization.beforeCommit(readOnly);
			}
		}
	}

	@Override
	public void afterCompletion(int status) {
		this.changes.clear();
		this.onCompletion.run();
	}

	@Override
	public void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
		queue();
	}

	private void queue() {
		if (this.changes.isEmpty()) {
			return;
		}
		List<OutboxMessage> upserts = new ArrayList<>();
		List<OutboxMessage> deletes = new ArrayList<>();
		for (Change change : this.changes.values()) {
			if (change.delete() != null) {
				deletes.add(change.delete());
			}
			else {
				upserts.add(this.messages.upsert(this.mappings.snapshot(change.entity()),
						this.mappings.clearedFields(change.entity())));
			}
		}
		upserts.sort(UPSERT_ORDER);
		deletes.sort(DELETE_ORDER);
		upserts.forEach(this.outbox);
		deletes.forEach(this.outbox);
		this.changes.clear();
	}

	@Override
	public void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor session) {
		this.changes.clear();
		this.onCompletion.run();
	}

	/** Identity of a changed entity within a session. */
	record EntityKey(String entityName, Object id) {
	}

	private record Change(Object entity, boolean inserted, OutboxMessage delete) {
	}

}
