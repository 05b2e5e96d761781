package ai.paid.spring.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * {@link PaidOutbox} that writes to the {@code paid_sync_outbox} and {@code paid_sync_lane} tables through the
 * connection of the current Spring-managed transaction on the application's {@link DataSource}, whatever transaction
 * manager holds it (JDBC, JPA, JTA).
 * <p>
 * Messages are buffered per transaction, coalesced in memory (the same rules as in the table), and written just before
 * commit; after commit the lanes written are handed to the local dispatcher. Messages enqueued after that write (for
 * example from another synchronization's {@code beforeCommit}) are written immediately. A rollback writes and sends
 * nothing. If the first message of a transaction arrives after Spring began calling {@code beforeCommit}, too late to
 * be written with the transaction, it is written right after the commit in a transaction of its own (with a warning).
 */
public final class JdbcPaidOutbox implements PaidOutbox {

	private static final Log logger = LogFactory.getLog(JdbcPaidOutbox.class);

	private final OutboxWriter writer;

	private final @Nullable TransactionOperations ownTransaction;

	private final Consumer<Set<String>> committedLanes;

	private final TransactionOperations lateWrites;

	/**
	 * Create an outbox.
	 * @param dataSource the application's data source, the one its transactions run on
	 * @param ownTransaction runs {@link #enqueue} called outside a transaction in its own transaction, or {@code null}
	 * to reject such calls
	 * @param observer notified of every write
	 * @param committedLanes receives the lanes a transaction wrote, after it committed (the local dispatcher)
	 */
	public JdbcPaidOutbox(DataSource dataSource, @Nullable TransactionOperations ownTransaction, OutboxObserver observer,
			Consumer<Set<String>> committedLanes) {
		this.writer = new OutboxWriter(new JdbcTemplate(dataSource), OutboxDialect.of(dataSource), observer);
		this.ownTransaction = ownTransaction;
		TransactionTemplate late = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		late.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.lateWrites = late;
		this.committedLanes = committedLanes;
	}

	@Override
	public void enqueue(OutboxMessage message) {
		validate(message);
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			if (this.ownTransaction == null) {
				throw new IllegalStateException("PaidOutbox.enqueue(" + message.entityType() + " " + message.entityId()
						+ ") needs an active Spring transaction so the change commits or rolls back with your data; "
						+ "call it from a @Transactional method, or set paid.outbox.transaction-required=false to "
						+ "let the outbox open its own transaction");
			}
			this.ownTransaction.executeWithoutResult((status) -> enqueue(message));
			return;
		}
		currentBuffer().add(message);
	}

	/**
	 * The current transaction's buffer. Looked up among the transaction's synchronizations rather than bound as a
	 * resource: synchronizations are suspended with their transaction (REQUIRES_NEW), custom resources are not.
	 */
	private Buffer currentBuffer() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Buffer buffer && buffer.owner() == this) {
				return buffer;
			}
		}
		Buffer buffer = new Buffer();
		TransactionSynchronizationManager.registerSynchronization(buffer);
		return buffer;
	}

	private static void validate(OutboxMessage message) {
		Assert.notNull(message, "'message' must not be null");
		Assert.hasText(message.lane(), "'lane' must not be empty");
		Assert.isTrue(message.lane().length() <= 200, "'lane' must be at most 200 characters");
		Assert.hasText(message.entityType(), "'entityType' must not be empty");
		Assert.isTrue(message.entityType().length() <= 32, "'entityType' must be at most 32 characters");
		Assert.hasText(message.entityId(), "'entityId' must not be empty");
		Assert.isTrue(message.entityId().length() <= 191, "'entityId' must be at most 191 characters");
		Assert.notNull(message.operation(), "'operation' must not be null");
	}

	private record EntityKey(String type, String id) {

	}

	/** One transaction's pending messages. */
	private final class Buffer implements TransactionSynchronization {

		private final Map<EntityKey, OutboxMessage> messages = new LinkedHashMap<>();

		private final Set<String> written = new java.util.TreeSet<>();

		private boolean flushed;

		JdbcPaidOutbox owner() {
			return JdbcPaidOutbox.this;
		}

		void add(OutboxMessage message) {
			if (this.flushed) {
				this.written.addAll(JdbcPaidOutbox.this.writer.write(List.of(message)));
				return;
			}
			EntityKey key = new EntityKey(message.entityType(), message.entityId());
			OutboxMessage earlier = this.messages.get(key);
			if (message.operation() == OutboxOperation.DELETE
					|| (earlier != null && !earlier.lane().equals(message.lane()))) {
				// same rules as the table: a delete, or a change that moves the entity to another lane, goes to the
				// tail (of its lane: after what this transaction queued there before, a new customer for example)
				this.messages.remove(key);
			}
			this.messages.put(key, message);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			writeBuffered();
		}

		private void writeBuffered() {
			if (!this.flushed) {
				this.flushed = true;
				if (!this.messages.isEmpty()) {
					this.written.addAll(JdbcPaidOutbox.this.writer.write(this.messages.values()));
				}
			}
		}

		@Override
		public void afterCommit() {
			if (!this.flushed && !this.messages.isEmpty()) {
				// First enqueued after Spring had started calling beforeCommit (from another synchronization, or from
				// Hibernate's before-completion inside the commit): this synchronization was registered too late to
				// be called. The data committed, so write the messages now, in a transaction of their own, rather
				// than lose them; only a crash in between could.
				logger.warn("Paid outbox: " + this.messages.size() + " message(s) were enqueued after the "
						+ "transaction had started committing; they were written right after its commit instead of "
						+ "with it. Enqueue before the commit begins to keep them atomic with your data");
				this.flushed = true;
				JdbcPaidOutbox.this.lateWrites.executeWithoutResult(
						(status) -> this.written.addAll(JdbcPaidOutbox.this.writer.write(this.messages.values())));
			}
			if (!this.written.isEmpty()) {
				JdbcPaidOutbox.this.committedLanes.accept(Set.copyOf(this.written));
			}
		}

	}

}
