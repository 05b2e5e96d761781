package ai.paid.spring.outbox;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Records the outcome of a lane's deliveries and releases its lease, in one short transaction fenced by the lane's
 * token: if another instance claimed the lane after our lease expired, nothing is changed.
 */
final class LaneCompleter {

	private final JdbcTemplate jdbc;

	private final TransactionOperations transaction;

	private final OutboxDialect dialect;

	LaneCompleter(JdbcTemplate jdbc, TransactionOperations transaction, OutboxDialect dialect) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.dialect = dialect;
	}

	/** What became of the lane. */
	enum Result {

		/** Another instance holds the lane now; nothing was recorded. */
		LEASE_LOST,

		/** The lane was released (idle, waiting for a backoff, or parked). */
		RELEASED,

		/** The lane has more rows ready and its lease was extended: deliver the next batch. */
		CONTINUE

	}

	/**
	 * Applies the outcome and releases the lane, or keeps it when more rows are ready.
	 * @param keep whether the caller may keep the lease to deliver the next batch
	 * @param readWholeLane whether the head read returned fewer rows than it asked for, i.e. every row pending then
	 */
	Result complete(ClaimedLane lane, LaneOutcome outcome, boolean keep, long leaseMillis, boolean readWholeLane) {
		Result result = this.transaction.execute((status) -> {
			// locks the lane row, and on PostgreSQL relaxes this transaction's commit in the same round trip
			List<long[]> locked = this.jdbc.query("SELECT lease_token, enq_seq" + this.dialect.relaxedCommitColumn()
					+ " FROM paid_sync_lane WHERE lane_key = ? FOR UPDATE",
					(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }, lane.key());
			if (locked.isEmpty() || locked.get(0)[0] != lane.token()) {
				return Result.LEASE_LOST;
			}
			int deleted = deleteDelivered(outcome.delivered());
			if (!outcome.notStarted().isEmpty()) {
				this.jdbc.update("UPDATE paid_sync_outbox SET attempts = attempts - 1 WHERE attempts > 0 AND id IN ("
						+ ids(outcome.notStarted()) + ")");
			}
			PendingRow head = outcome.failedHead();
			DeliveryFailure failure = outcome.failure();
			if (head != null && failure != null) {
				this.jdbc.update("UPDATE paid_sync_outbox SET last_error = ?, last_http_status = ?, "
						+ "failures = failures + ?, attempts = attempts - ? WHERE id = ?", failure.message(),
						(failure.httpStatus() > 0) ? failure.httpStatus() : null, outcome.countFailure() ? 1 : 0,
						outcome.attemptReachedPaid() ? 0 : 1, head.id());
			}
			// Nothing can be left when the read saw the whole lane, all of it was deleted, and no write bumped enq_seq
			// since the claim (writers bump it under the lane row lock held here): then the look-up is not needed.
			boolean nothingLeft = readWholeLane && outcome.notStarted().isEmpty() && head == null
					&& deleted == outcome.delivered().size() && locked.get(0)[1] == lane.enqueueSequence();
			boolean more = !nothingLeft && !this.jdbc
				.queryForList("SELECT id FROM paid_sync_outbox WHERE lane_key = ? AND state = " + OutboxRowState.PENDING
						+ " LIMIT 1", Long.class, lane.key())
				.isEmpty();
			String parkReason = outcome.parkReason();
			if (parkReason != null) {
				this.jdbc.update("UPDATE paid_sync_lane SET lease_owner = NULL, lease_until = NULL, parked_at = "
						+ this.dialect.now() + ", park_reason = ? WHERE lane_key = ?", truncate(parkReason),
						lane.key());
				return Result.RELEASED;
			}
			long delay = (outcome.delay() != null) ? outcome.delay().toMillis() : 0;
			if (more && delay == 0 && keep) {
				this.jdbc.update("UPDATE paid_sync_lane SET lease_until = " + this.dialect.nowPlusMillis()
						+ " WHERE lane_key = ?", leaseMillis, lane.key());
				return Result.CONTINUE;
			}
			// enq_seq unchanged and no pending rows: no committed or committing write can have been missed, since
			// writers bump enq_seq under the lane row lock we hold. A lane that must wait (retry, or a dependency
			// not there yet) goes behind the lanes that became ready meanwhile, so that many waiting lanes cannot
			// starve the others of claims; a lane ordered later on purpose keeps its place.
			this.jdbc.update("UPDATE paid_sync_lane SET lease_owner = NULL, lease_until = NULL, not_before = "
					+ this.dialect.nowPlusMillis() + ", pending_since = CASE WHEN enq_seq = ? AND ? = 0 THEN NULL "
					+ "WHEN ? > 0 THEN GREATEST(COALESCE(pending_since, " + this.dialect.now() + "), "
					+ this.dialect.now() + ") ELSE pending_since END WHERE lane_key = ?", delay,
					lane.enqueueSequence(), more ? 1 : 0, delay, lane.key());
			return Result.RELEASED;
		});
		return (result != null) ? result : Result.LEASE_LOST;
	}

	/**
	 * Deletes the delivered rows in one statement per hundred; a row whose {@code row_version} a coalesced write
	 * bumped meanwhile stays queued, in place, with that newer state.
	 * @return the number of rows deleted
	 */
	private int deleteDelivered(List<PendingRow> delivered) {
		int deleted = 0;
		for (int from = 0; from < delivered.size(); from += 100) {
			List<PendingRow> chunk = delivered.subList(from, Math.min(from + 100, delivered.size()));
			String matches = chunk.stream().map((row) -> "(id = ? AND row_version = ?)")
				.collect(Collectors.joining(" OR "));
			Object[] args = new Object[chunk.size() * 2];
			for (int i = 0; i < chunk.size(); i++) {
				args[2 * i] = chunk.get(i).id();
				args[2 * i + 1] = chunk.get(i).rowVersion();
			}
			deleted += this.jdbc.update("DELETE FROM paid_sync_outbox WHERE " + matches, args);
		}
		return deleted;
	}

	private static String ids(List<PendingRow> rows) {
		return rows.stream().map((row) -> Long.toString(row.id())).collect(Collectors.joining(", "));
	}

	private static String truncate(String text) {
		return (text.length() > 2000) ? text.substring(0, 2000) : text;
	}

}
