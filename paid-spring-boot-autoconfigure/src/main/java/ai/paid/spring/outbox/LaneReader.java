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

	private static final String COLUMNS = "id, lane_key, entity_type, entity_id, op, payload, attempts, created_at, "
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
				+ "RETURNING " + COLUMNS + ", " + this.dialect.now(), (rs, i) -> row(rs, i, -1), lane, limit));
		rows.sort(Comparator.comparingLong(PendingRow::id));
		return rows;
	}

	private PendingRow row(ResultSet rs, int index, int attemptsOffset) throws SQLException {
		if (index == 0) {
			// the rows' timestamps are the database's: measure ages on its clock
			this.clock.sync(instant(rs.getTimestamp(13)));
		}
		OutboxRecord record = new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				OutboxOperation.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7) + attemptsOffset,
				instant(rs.getTimestamp(8)));
		return new PendingRow(record, rs.getInt(9), rs.getInt(10), instant(rs.getTimestamp(11)),
				rs.getString(12) != null);
	}

	List<PendingRow> head(String lane, int limit) {
		return this.jdbc.query("SELECT " + COLUMNS + ", " + this.dialect.now()
				+ " FROM paid_sync_outbox WHERE lane_key = ? AND state = " + OutboxRowState.PENDING
				+ " ORDER BY id LIMIT ?", (rs, i) -> row(rs, i, 0), lane, limit);
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
