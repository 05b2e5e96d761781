package ai.paid.spring.outbox;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The SQL that differs between databases: the lane and outbox upserts, and time arithmetic. Everything else the
 * outbox runs is portable SQL. Times always come from the database clock so that instances with skewed clocks agree
 * on leases and backoff gates.
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
	 * Statement that lets the current transaction commit without waiting for its log flush, or {@code null}. Used for
	 * claims and completions only: losing one in a database crash costs a lease (it expires) or a duplicate send of a
	 * row whose started mark was flushed, never a lost change.
	 */
	@Nullable String relaxedCommit() {
		return null;
	}

	/** Insert the lane row with enq_seq 1, or bump enq_seq and mark it pending; one parameter: the lane key. */
	abstract String laneUpsert();

	/** Upserts the lane rows (sorted), taking their row locks until commit. */
	void upsertLanes(JdbcTemplate jdbc, List<String> sortedLanes) {
		jdbc.batchUpdate(laneUpsert(), sortedLanes, 100, (ps, lane) -> ps.setString(1, lane));
	}

	/**
	 * Writes an UPSERT message: merges it into the entity's pending row, keeping the row's position, or appends a new
	 * row. Must run while the caller holds the lane row lock.
	 * @return whether the message was merged into a pending row
	 */
	abstract boolean upsert(JdbcTemplate jdbc, OutboxMessage message);

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
		String relaxedCommit() {
			return "SET LOCAL synchronous_commit = off";
		}

		@Override
		String nowPlusMillis() {
			return "(clock_timestamp() + ? * INTERVAL '1 millisecond')";
		}

		@Override
		String laneUpsert() {
			return "INSERT INTO paid_sync_lane (lane_key, enq_seq, pending_since, not_before) "
					+ "VALUES (?, 1, clock_timestamp(), clock_timestamp()) ON CONFLICT (lane_key) DO UPDATE "
					+ "SET enq_seq = paid_sync_lane.enq_seq + 1, "
					+ "pending_since = COALESCE(paid_sync_lane.pending_since, EXCLUDED.pending_since)";
		}

		@Override
		boolean upsert(JdbcTemplate jdbc, OutboxMessage message) {
			// xmax is non-zero when ON CONFLICT updated an existing row: one round trip tells us about coalescing.
			Boolean merged = jdbc.query(
					"INSERT INTO paid_sync_outbox (lane_key, entity_type, entity_id, op, payload, created_at, updated_at) "
							+ "VALUES (?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp()) ON CONFLICT (entity_type, entity_id) WHERE state = 0 DO UPDATE "
							+ "SET op = EXCLUDED.op, payload = EXCLUDED.payload, "
							+ "row_version = paid_sync_outbox.row_version + 1, updated_at = clock_timestamp() "
							+ "RETURNING (xmax <> 0)",
					(ps) -> bind(ps, message), (ResultSet rs) -> rs.next() && rs.getBoolean(1));
			return Boolean.TRUE.equals(merged);
		}

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
					+ "VALUES (?, 1, NOW(6), NOW(6)) ON DUPLICATE KEY UPDATE enq_seq = enq_seq + 1, "
					+ "pending_since = COALESCE(pending_since, NOW(6))";
		}

		@Override
		boolean upsert(JdbcTemplate jdbc, OutboxMessage message) {
			// Affected rows: 1 for an insert, 2 for an update of an existing row (row_version always changes).
			int count = jdbc.update("INSERT INTO paid_sync_outbox (lane_key, entity_type, entity_id, op, payload) "
					+ "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE op = VALUES(op), payload = VALUES(payload), "
					+ "row_version = row_version + 1, updated_at = NOW(6)", (ps) -> bind(ps, message));
			return count > 1;
		}

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
			return "MERGE INTO paid_sync_lane l USING (VALUES (CAST(? AS VARCHAR(200)))) s(k) ON l.lane_key = s.k "
					+ "WHEN MATCHED THEN UPDATE SET enq_seq = l.enq_seq + 1, "
					+ "pending_since = COALESCE(l.pending_since, CURRENT_TIMESTAMP(6)) "
					+ "WHEN NOT MATCHED THEN INSERT (lane_key, enq_seq, pending_since, not_before) "
					+ "VALUES (s.k, 1, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))";
		}

		@Override
		void upsertLanes(JdbcTemplate jdbc, List<String> sortedLanes) {
			for (String lane : sortedLanes) {
				try {
					jdbc.update(laneUpsert(), lane);
				}
				catch (DuplicateKeyException ex) {
					// H2's MERGE is not atomic: a concurrent transaction inserted the new lane first; it exists now
					jdbc.update(laneUpsert(), lane);
				}
			}
		}

		@Override
		boolean upsert(JdbcTemplate jdbc, OutboxMessage message) {
			// Update-then-insert is race free here because the caller holds the lane row lock, and an entity's
			// pending row always lives in the lane that is locked.
			int updated = jdbc.update("UPDATE paid_sync_outbox SET op = ?, payload = ?, row_version = row_version + 1, "
					+ "updated_at = CURRENT_TIMESTAMP(6) WHERE entity_type = ? AND entity_id = ? AND state = 0", (ps) -> {
						ps.setString(1, message.operation().name());
						ps.setString(2, message.payload());
						ps.setString(3, message.entityType());
						ps.setString(4, message.entityId());
					});
			if (updated > 0) {
				return true;
			}
			jdbc.update(INSERT_ROW, (ps) -> bind(ps, message));
			return false;
		}

	}

}
