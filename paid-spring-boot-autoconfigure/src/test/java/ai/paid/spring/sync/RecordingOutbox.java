package ai.paid.spring.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.PaidOutbox;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@link PaidOutbox} that records what is enqueued, and whether a transaction was active when it was.
 */
class RecordingOutbox implements PaidOutbox {

	final List<OutboxMessage> messages = new CopyOnWriteArrayList<>();

	final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

	@Override
	public void enqueue(OutboxMessage message) {
		this.inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
		this.messages.add(message);
	}

	void clear() {
		this.messages.clear();
		this.inTransaction.clear();
	}

}
