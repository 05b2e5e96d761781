package ai.paid.spring.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import ai.paid.spring.outbox.OutboxMessage.Priority;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a transaction's messages on its connection. Lanes first, sorted by key, so that concurrent writers take lane
 * row locks in the same order (no deadlocks) and same-lane writers serialise here, at the end of their transactions:
 * the outbox ids written afterwards therefore follow commit order within a lane. A lane gets the highest
 * {@link Priority} of its messages.
 */
final class OutboxWriter {

	private static final String DELETE_PENDING = "DELETE FROM paid_sync_outbox "
			+ "WHERE entity_type = ? AND entity_id = ? AND state = " + OutboxRowState.PENDING;

	private final JdbcTemplate jdbc;

	private final OutboxDialect dialect;

	private final OutboxObserver observer;

	OutboxWriter(JdbcTemplate jdbc, OutboxDialect dialect, OutboxObserver observer) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.observer = observer;
	}

	/**
	 * Writes the messages, in their order within each lane.
	 * @param messages the messages, already coalesced within the transaction
	 * @return the lanes written
	 */
	Set<String> write(Collection<OutboxMessage> messages) {
		if (messages.size() == 1) {
			OutboxMessage message = messages.iterator().next();
			if (message.operation() != OutboxOperation.DELETE) {
				// the common transaction, one entity saved: lane and row in one statement where the database allows
				this.observer.enqueued(message.entityType(), message.operation(),
						this.dialect.upsertWithLane(this.jdbc, message));
				return Set.of(message.lane());
			}
		}
		SortedMap<String, Priority> lanes = new TreeMap<>();
		messages.forEach((message) -> lanes.merge(message.lane(), message.priority(),
				(a, b) -> (a == Priority.NORMAL || b == Priority.NORMAL) ? Priority.NORMAL : Priority.BACKGROUND));
		this.dialect.upsertLanes(this.jdbc, lanes);
		List<OutboxMessage> sorted = new ArrayList<>(messages);
		// stable: keeps each lane's messages in enqueue order
		sorted.sort((a, b) -> a.lane().compareTo(b.lane()));
		for (OutboxMessage message : sorted) {
			boolean coalesced;
			if (message.operation() == OutboxOperation.DELETE) {
				// A delete never merges in place: it drops the pending upsert and queues at the lane's tail, so it
				// cannot overtake anything queued after the entity's earlier position.
				coalesced = this.jdbc.update(DELETE_PENDING, message.entityType(), message.entityId()) > 0;
				this.jdbc.update(OutboxDialect.INSERT_ROW, (ps) -> OutboxDialect.bind(ps, message));
			}
			else {
				coalesced = this.dialect.upsert(this.jdbc, message);
			}
			this.observer.enqueued(message.entityType(), message.operation(), coalesced);
		}
		return lanes.keySet();
	}

}
