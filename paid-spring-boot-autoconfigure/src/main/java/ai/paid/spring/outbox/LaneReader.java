package ai.paid.spring.outbox;

import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the head of a claimed lane and marks the rows started before they are sent, so that a handler can tell from
 * {@link OutboxRecord#attempts()} that an earlier attempt may have reached Paid.
 */
final class LaneReader {

	private final JdbcTemplate jdbc;

	LaneReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<PendingRow> head(String lane, int limit) {
		return this.jdbc.query("SELECT id, lane_key, entity_type, entity_id, op, payload, attempts, created_at, "
				+ "row_version, failures, updated_at, last_error FROM paid_sync_outbox "
				+ "WHERE lane_key = ? AND state = 0 ORDER BY id LIMIT ?", (rs, i) -> {
					OutboxRecord record = new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getString(4), OutboxOperation.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7),
							instant(rs.getTimestamp(8)));
					return new PendingRow(record, rs.getInt(9), rs.getInt(10), instant(rs.getTimestamp(11)),
							rs.getString(12) != null);
				}, lane, limit);
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
