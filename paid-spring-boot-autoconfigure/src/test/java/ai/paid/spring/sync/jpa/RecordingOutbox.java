package ai.paid.spring.sync.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.PaidOutbox;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@link PaidOutbox} that behaves like the JDBC outbox towards its callers: messages are buffered per transaction
 * and "written" in the transaction's {@code beforeCommit}; later ones are written at once; anything still buffered
 * after the commit is lost (and recorded as such). {@link #messages} holds what was written, in order.
 */
class RecordingOutbox implements PaidOutbox {

	final List<OutboxMessage> messages = new CopyOnWriteArrayList<>();

	final List<OutboxMessage> lost = new CopyOnWriteArrayList<>();

	final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

	@Override
	public void enqueue(OutboxMessage message) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("no transaction");
		}
		Buffer buffer = (Buffer) TransactionSynchronizationManager.getResource(this);
		if (buffer == null) {
			buffer = new Buffer();
			TransactionSynchronizationManager.bindResource(this, buffer);
			TransactionSynchronizationManager.registerSynchronization(buffer);
		}
		buffer.add(message);
	}

	void clear() {
		this.messages.clear();
		this.lost.clear();
		this.inTransaction.clear();
	}

	private final class Buffer implements TransactionSynchronization {

		private final List<OutboxMessage> pending = new ArrayList<>();

		private boolean flushed;

		void add(OutboxMessage message) {
			if (this.flushed) {
				write(message);
			}
			else {
				this.pending.add(message);
			}
		}

		private void write(OutboxMessage message) {
			RecordingOutbox.this.inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
			RecordingOutbox.this.messages.add(message);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.flushed = true;
			this.pending.forEach(this::write);
			this.pending.clear();
		}

		@Override
		public void afterCompletion(int status) {
			RecordingOutbox.this.lost.addAll(this.pending);
			TransactionSynchronizationManager.unbindResourceIfPossible(RecordingOutbox.this);
		}

	}

}
