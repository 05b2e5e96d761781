package ai.paid.spring.outbox;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.SortedMap;

import javax.sql.DataSource;

import ai.paid.spring.outbox.OutboxMessage.Priority;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The SQL that differs between databases: the lane and outbox upserts, and time arithmetic. Everything else the
 * outbox runs is portable SQL. Times always come from the database clock so that instances with skewed clocks agree
 * on leases and backoff gates.
 * <p>
 * Over 300 lines on purpose: the three dialects stay in one file so that the same statement (lane upsert with its
 * priority, upsert with its lane move) can be read side by side for every database.
 */
abstract class OutboxDialect {

	private final String name;

	OutboxDialect(String name) {
		this.name = name;
	}

	/** Schema script platform name ({@code schema-<platform>.sql}). */
	String name() {
		return this.name;
	}

	/** The database's current time. */
	abstract String now();

	/** {@link #now()} plus a number of milliseconds bound as the one parameter. */
	abstract String nowPlusMillis();

	/** Whether the database's default isolation is READ COMMITTED (otherwise the dispatcher asks for it). */
	boolean readCommittedByDefault() {
		return true;
	}

	/**
	 * Whether {@code UPDATE ... RETURNING} is available, letting a claim or a head read with its started mark be a
	 * single round trip.
	 */
	boolean updateReturning() {
		return false;
	}

	/**
	 * An extra query column, starting with a comma, that lets the current transaction commit without waiting for its
	 * log flush (empty where there is none): part of a query the transaction runs anyway, so it costs no round trip.
	 * Used for claims and completions only: losing one in a database crash costs a lease (it expires) or a duplicate
	 * send of a row whose started mark was flushed, never a lost change.
	 */
	String relaxedCommitColumn() {
		return "";
	}

	/**
	 * How far behind lanes made pending by live work a lane made pending only by {@link Priority#BACKGROUND} work is
	 * claimed: its {@code pending_since} is set this far ahead.
	 */
	static final long BACKGROUND_DELAY_MILLIS = 24 * 60 * 60 * 1000L;

	/**
	 * Insert the lane row with enq_seq 1, or bump enq_seq and mark it pending. Two parameters: the lane key, and how
	 * many milliseconds ahead of now its pending time is (0 for normal priority). An earlier pending time is kept,
	 * a later one (a lane only background work made pending) is pulled back to the new one.
	 */
	abstract String laneUpsert();

	/** Upserts the lane rows (sorted by key), taking their row locks until commit. */
	void upsertLanes(JdbcTemplate jdbc, SortedMap<String, Priority> lanes) {
		jdbc.batchUpdate(laneUpsert(), lanes.entrySet(), 100, (ps, lane) -> bindLane(ps, lane.getKey(), lane.getValue()));
	}

	static void bindLane(PreparedStatement ps, String lane, Priority priority) throws SQLException {
		ps.setString(1, lane);
		ps.setLong(2, (priority == Priority.BACKGROUND) ? BACKGROUND_DELAY_MILLIS : 0);
	}

	/**
	 * Writes an UPSERT message: merges it into the entity's pending row, keeping the row's position, or appends a new
	 * row. A pending row in another lane (the entity moved, e.g. a contact to another customer) is replaced by a new
	 * row at the tail of the message's lane. Must run while the caller holds the message's lane row lock.
	 * @return whether the message was merged into (or replaced) a pending row
	 */
	abstract boolean upsert(JdbcTemplate jdbc, OutboxMessage message);

	/**
	 * Upserts the message's lane, then writes the UPSERT message as {@link #upsert} does: the whole write of a
	 * transaction that queued a single message.
	 * @return whether the message was merged into (or replaced) a pending row
	 */
	boolean upsertWithLane(JdbcTemplate jdbc, OutboxMessage message) {
		upsertLanes(jdbc, new java.util.TreeMap<>(java.util.Map.of(message.lane(), message.priority())));
		return upsert(jdbc, message);
	}

	/** Deletes the entity's pending row if it lives in another lane than the message's. */
	static boolean deletePendingInOtherLane(JdbcTemplate jdbc, OutboxMessage message) {
		return jdbc.update(DELETE_PENDING_IN_OTHER_LANE, message.entityType(), message.entityId(), message.lane()) > 0;
	}

	private static final String DELETE_PENDING_IN_OTHER_LANE = "DELETE FROM paid_sync_outbox "
			+ "WHERE entity_type = ? AND entity_id = ? AND state = " + OutboxRowState.PENDING + " AND lane_key <> ?";

	static final String INSERT_ROW = "INSERT INTO paid_sync_outbox (lane_key, entity_type, entity_id, op, payload) "
			+ "VALUES (?, ?, ?, ?, ?)";

	static void bind(PreparedStatement ps, OutboxMessage message) throws SQLException {
		ps.setString(1, message.lane());
		ps.setString(2, message.entityType());
		ps.setString(3, message.entityId());
		ps.setString(4, message.operation().name());
		ps.setString(5, message.payload());
	}

	static OutboxDialect of(DataSource dataSource) {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Paid outbox could not read the database product name", ex);
		}
		return of(product);
	}

	static OutboxDialect of(String productName) {
		String product = productName.toLowerCase(Locale.ROOT);
		if (product.contains("postgres")) {
			return new PostgreSql();
		}
		if (product.contains("mariadb")) {
			return new MySql("mariadb");
		}
		if (product.contains("mysql")) {
			return new MySql("mysql");
		}
		if (product.contains("h2")) {
			return new H2();
		}
		throw new IllegalStateException("Paid outbox supports PostgreSQL, MySQL 8, MariaDB 10.6+ and H2, not '"
				+ productName + "'");
	}

	@Override
	public String toString() {
		return this.name;
	}

	static final class PostgreSql extends OutboxDialect {

		PostgreSql() {
			super("postgresql");
		}

		@Override
		String now() {
			return "clock_timestamp()";
		}

		@Override
		boolean updateReturning() {
			return true;
		}

		@Override
		String relaxedCommitColumn() {
			return ", set_config('synchronous_commit', 'off', true)";
		}

		@Override
		String nowPlusMillis() {
			return "(clock_timestamp() + ? * INTERVAL '1 millisecond')";
		}

		@Override
		String laneUpsert() {
			return "INSERT INTO paid_sync_lane (lane_key, enq_seq, pending_since, not_before) "
					+ "VALUES (?, 1, " + nowPlusMillis() + ", clock_timestamp()) ON CONFLICT (lane_key) DO UPDATE "
					+ "SET enq_seq = paid_sync_lane.enq_seq + 1, pending_since = CASE "
					+ "WHEN paid_sync_lane.pending_since IS NULL OR paid_sync_lane.pending_since > EXCLUDED.pending_since "
					+ "THEN EXCLUDED.pending_since ELSE paid_sync_lane.pending_since END";
		}

		@Override
		boolean upsert(JdbcTemplate jdbc, OutboxMessage message) {
			// xmax is non-zero when ON CONFLICT updated an existing row: one round trip tells us about coalescing.
			// No row at all comes back when the pending row lives in another lane: then it moves.
			Boolean merged = jdbc.query(UPSERT, (ps) -> bind(ps, message),
					(ResultSet rs) -> rs.next() ? rs.getBoolean(1) : null);
			if (merged != null) {
				return merged;
			}
			deletePendingInOtherLane(jdbc, message);
			jdbc.query(UPSERT, (ps) -> bind(ps, message), (ResultSet rs) -> rs.next());
			return true;
		}

		@Override
		boolean upsertWithLane(JdbcTemplate jdbc, OutboxMessage message) {
			// One round trip: the row is inserted from the lane upsert's result, so the lane row is locked first,
			// as when the two are separate statements.
			Boolean merged = jdbc.query(upsertWithLaneSql, (ps) -> {
				bindLane(ps, message.lane(), message.priority());
				ps.setString(3, message.lane());
				ps.setString(4, message.entityType());
				ps.setString(5, message.entityId());
				ps.setString(6, message.operation().name());
				ps.setString(7, message.payload());
			}, (ResultSet rs) -> rs.next() ? rs.getBoolean(1) : null);
			if (merged != null) {
				return merged;
			}
			deletePendingInOtherLane(jdbc, message);
			jdbc.query(UPSERT, (ps) -> bind(ps, message), (ResultSet rs) -> rs.next());
			return true;
		}

		private static final String ON_CONFLICT = "ON CONFLICT (entity_type, entity_id) WHERE state = "
				+ OutboxRowState.PENDING + " DO UPDATE SET op = EXCLUDED.op, payload = EXCLUDED.payload, "
				+ "row_version = paid_sync_outbox.row_version + 1, updated_at = clock_timestamp() "
				+ "WHERE paid_sync_outbox.lane_key = EXCLUDED.lane_key RETURNING (xmax <> 0)";

		private final String upsertWithLaneSql = "WITH lane AS (" + laneUpsert() + " RETURNING 1) "
				+ "INSERT INTO paid_sync_outbox (lane_key, entity_type, entity_id, op, payload, created_at, updated_at) "
				+ "SELECT ?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp() FROM lane " + ON_CONFLICT;

		private static final String UPSERT = "INSERT INTO paid_sync_outbox "
				+ "(lane_key, entity_type, entity_id, op, payload, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp()) " + ON_CONFLICT;

	}

	static final class MySql extends OutboxDialect {

		MySql(String name) {
			super(name);
		}

		@Override
		String now() {
			return "NOW(6)";
		}

		@Override
		boolean readCommittedByDefault() {
			return false;
		}

		@Override
		String nowPlusMillis() {
			return "(NOW(6) + INTERVAL (? * 1000) MICROSECOND)";
		}

		@Override
		String laneUpsert() {
			return "INSERT INTO paid_sync_lane (lane_key, enq_seq, pending_since, not_before) "
					+ "VALUES (?, 1, " + nowPlusMillis() + ", NOW(6)) ON DUPLICATE KEY UPDATE enq_seq = enq_seq + 1, "
					+ "pending_since = CASE WHEN pending_since IS NULL OR pending_since > VALUES(pending_since) "
					+ "THEN VALUES(pending_since) ELSE pending_since END";
		}

		@Override
		boolean upsert(JdbcTemplate jdbc, OutboxMessage message) {
			// Affected rows: 1 for an insert, 2 for an update of a pending row in this lane (row_version always
			// changes), 1 (found rows) or 0 when the pending row lives in another lane and is left alone.
			int count = jdbc.update(UPSERT, (ps) -> bind(ps, message));
			if (count > 1) {
				return true;
			}
			// Only now, and by the full unique key: the entity's pending row exists (ours or the other lane's), so
			// the delete takes a record lock, never a gap lock that concurrent inserts would deadlock on.
			boolean moved = jdbc.update(DELETE_PENDING_IN_OTHER_LANE, message.entityType(), message.entityId(),
					message.lane()) > 0;
			if (moved) {
				jdbc.update(INSERT_ROW, (ps) -> bind(ps, message));
			}
			return moved;
		}

		private static final String SAME_LANE = "lane_key = VALUES(lane_key)";

		private static final String UPSERT = "INSERT INTO paid_sync_outbox (lane_key, entity_type, entity_id, op, "
				+ "payload) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
				+ "op = IF(" + SAME_LANE + ", VALUES(op), op), payload = IF(" + SAME_LANE + ", VALUES(payload), payload), "
				+ "row_version = IF(" + SAME_LANE + ", row_version + 1, row_version), "
				+ "updated_at = IF(" + SAME_LANE + ", NOW(6), updated_at)";

		private static final String DELETE_PENDING_IN_OTHER_LANE = "DELETE FROM paid_sync_outbox "
				+ "WHERE entity_type = ? AND entity_id = ? AND pending_flag = 1 AND lane_key <> ?";

	}

	static final class H2 extends OutboxDialect {

		H2() {
			super("h2");
		}

		@Override
		String now() {
			return "CURRENT_TIMESTAMP(6)";
		}

		@Override
		String nowPlusMillis() {
			return "DATEADD(MILLISECOND, ?, CURRENT_TIMESTAMP(6))";
		}

		@Override
		String laneUpsert() {
			return "MERGE INTO paid_sync_lane l USING (VALUES (CAST(? AS VARCHAR(200)), "
					+ "DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP(6)))) s(k, t) ON l.lane_key = s.k "
					+ "WHEN MATCHED THEN UPDATE SET enq_seq = l.enq_seq + 1, pending_since = CASE "
					+ "WHEN l.pending_since IS NULL OR l.pending_since > s.t THEN s.t ELSE l.pending_since END "
					+ "WHEN NOT MATCHED THEN INSERT (lane_key, enq_seq, pending_since, not_before) "
					+ "VALUES (s.k, 1, s.t, CURRENT_TIMESTAMP(6))";
		}

		@Override
		void upsertLanes(JdbcTemplate jdbc, SortedMap<String, Priority> lanes) {
			lanes.forEach((lane, priority) -> {
				try {
					jdbc.update(laneUpsert(), (ps) -> bindLane(ps, lane, priority));
				}
				catch (DuplicateKeyException ex) {
					// H2's MERGE is not atomic: a concurrent transaction inserted the new lane first; it exists now
					jdbc.update(laneUpsert(), (ps) -> bindLane(ps, lane, priority));
				}
			});
		}

		@Override
		boolean upsert(JdbcTemplate jdbc, OutboxMessage message) {
			// Update-then-insert is race free here because the caller holds the lane row lock, and an entity's
			// pending row in this lane lives in the lane that is locked.
			int updated = jdbc.update("UPDATE paid_sync_outbox SET op = ?, payload = ?, row_version = row_version + 1, "
					+ "updated_at = CURRENT_TIMESTAMP(6) WHERE entity_type = ? AND entity_id = ? AND state = "
					+ OutboxRowState.PENDING + " AND lane_key = ?", (ps) -> {
						ps.setString(1, message.operation().name());
						ps.setString(2, message.payload());
						ps.setString(3, message.entityType());
						ps.setString(4, message.entityId());
						ps.setString(5, message.lane());
					});
			if (updated > 0) {
				return true;
			}
			boolean moved = deletePendingInOtherLane(jdbc, message);
			jdbc.update(INSERT_ROW, (ps) -> bind(ps, message));
			return moved;
		}

	}

}
