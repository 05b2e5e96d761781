package ai.paid.spring.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;

/**
 * Reads what the outbox holds for entities: whether a change of one is waiting and what it says, and the waiting
 * changes in outbox order. The supported way for code outside the outbox to look at its contents; the tables and their
 * columns are the outbox's own and may change. Each call is one short query on the application's data source (in the
 * caller's transaction if there is one).
 */
public final class OutboxQueries {

	private static final String COLUMNS = "id, lane_key, entity_type, entity_id, op, payload, attempts, created_at, "
			+ "last_error, last_http_status";

	private static final String PENDING = "state = " + OutboxRowState.PENDING;

	private final JdbcOperations jdbc;

	/**
	 * Create the queries.
	 * @param dataSource the application's data source holding the outbox tables
	 */
	public OutboxQueries(DataSource dataSource) {
		this(new JdbcTemplate(dataSource));
	}

	/**
	 * Create the queries on existing JDBC operations.
	 * @param jdbc JDBC operations on the application's data source holding the outbox tables
	 */
	public OutboxQueries(JdbcOperations jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether a change of the entity waits for delivery (in a parked lane too). Another instance delivering it right
	 * now still has it pending until Paid accepted it.
	 * @param entityType the entity's type, as in {@link OutboxMessage#entityType()}
	 * @param entityId the entity's id within its type
	 * @return whether a change is pending
	 */
	public boolean isPending(String entityType, String entityId) {
		return !this.jdbc
			.queryForList("SELECT id FROM paid_sync_outbox WHERE entity_type = ? AND entity_id = ? AND " + PENDING,
					Long.class, entityType, entityId)
			.isEmpty();
	}

	/**
	 * The entity's pending change: at most one per entity, since later changes coalesce into it.
	 * @param entityType the entity's type, as in {@link OutboxMessage#entityType()}
	 * @param entityId the entity's id within its type
	 * @return the pending change, empty if none waits
	 */
	public Optional<PendingChange> pendingChange(String entityType, String entityId) {
		List<PendingChange> changes = this.jdbc.query("SELECT " + COLUMNS
				+ " FROM paid_sync_outbox WHERE entity_type = ? AND entity_id = ? AND " + PENDING,
				(rs, i) -> change(rs), entityType, entityId);
		return changes.stream().findFirst();
	}

	/**
	 * Lists pending changes in outbox order (each lane's in its delivery order), parked lanes included.
	 * @param page zero-based page
	 * @param size page size
	 * @return the changes on that page
	 */
	public List<PendingChange> pendingChanges(int page, int size) {
		Assert.isTrue(page >= 0, "'page' must not be negative");
		Assert.isTrue(size > 0, "'size' must be positive");
		return this.jdbc.query("SELECT " + COLUMNS + " FROM paid_sync_outbox WHERE " + PENDING
				+ " ORDER BY id LIMIT ? OFFSET ?", (rs, i) -> change(rs), size, (long) page * size);
	}

	private static PendingChange change(ResultSet rs) throws SQLException {
		int status = rs.getInt(10);
		Integer httpStatus = rs.wasNull() ? null : status;
		return new PendingChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				OutboxOperation.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant(),
				rs.getString(9), httpStatus);
	}

}
