package ai.paid.spring.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the head of a claimed lane and marks the rows started before they are sent, so that a handler can tell from
 * {@link OutboxRecord#attempts()} that an earlier attempt may have reached Paid.
 */
final class LaneReader {

	static final String COLUMNS = "id, lane_key, entity_type, entity_id, op, payload, attempts, created_at, "
			+ "row_version, failures, updated_at, last_error";

	private final JdbcTemplate jdbc;

	private final OutboxDialect dialect;

	private final DatabaseClock clock;

	LaneReader(JdbcTemplate jdbc, OutboxDialect dialect, DatabaseClock clock) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.clock = clock;
	}

	/**
	 * Reads the lane's first pending rows and marks them started, in one round trip where the database allows.
	 * The rows carry the attempt count from before this attempt.
	 */
	List<PendingRow> startHead(String lane, int limit) {
		if (!this.dialect.updateReturning()) {
			List<PendingRow> rows = head(lane, limit);
			markStarted(rows);
			return rows;
		}
		List<PendingRow> rows = new ArrayList<>(this.jdbc.query("UPDATE paid_sync_outbox SET attempts = attempts + 1 "
				+ "WHERE id IN (SELECT id FROM paid_sync_outbox WHERE lane_key = ? AND state = " + OutboxRowState.PENDING
				+ " ORDER BY id LIMIT ?) "
				+ "RETURNING " + COLUMNS + ", " + this.dialect.now(), (rs, i) -> row(rs, 0, i == 0, -1), lane, limit));
		rows.sort(Comparator.comparingLong(PendingRow::id));
		return rows;
	}

	/**
	 * Maps the {@link #COLUMNS} and the database's time that follows them.
	 * @param base how many columns precede them
	 * @param syncClock whether to take the database's time (the rows' timestamps are the database's: measure ages on
	 * its clock)
	 * @param attemptsOffset added to the attempts read (-1 where the query returns them already counting this one)
	 */
	PendingRow row(ResultSet rs, int base, boolean syncClock, int attemptsOffset) throws SQLException {
		if (syncClock) {
			this.clock.sync(instant(rs.getTimestamp(base + 13)));
		}
		OutboxRecord record = new OutboxRecord(rs.getLong(base + 1), rs.getString(base + 2), rs.getString(base + 3),
				rs.getString(base + 4), OutboxOperation.valueOf(rs.getString(base + 5)), rs.getString(base + 6),
				rs.getInt(base + 7) + attemptsOffset, instant(rs.getTimestamp(base + 8)));
		return new PendingRow(record, rs.getInt(base + 9), rs.getInt(base + 10), instant(rs.getTimestamp(base + 11)),
				rs.getString(base + 12) != null);
	}

	List<PendingRow> head(String lane, int limit) {
		return this.jdbc.query("SELECT " + COLUMNS + ", " + this.dialect.now()
				+ " FROM paid_sync_outbox WHERE lane_key = ? AND state = " + OutboxRowState.PENDING
				+ " ORDER BY id LIMIT ?", (rs, i) -> row(rs, 0, i == 0, 0), lane, limit);
	}

	/** Counts a started attempt on each row, before anything is sent. */
	void markStarted(List<PendingRow> rows) {
		if (!rows.isEmpty()) {
			this.jdbc.update("UPDATE paid_sync_outbox SET attempts = attempts + 1 WHERE id IN ("
					+ rows.stream().map((row) -> Long.toString(row.id())).collect(Collectors.joining(", ")) + ")");
		}
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}

}
