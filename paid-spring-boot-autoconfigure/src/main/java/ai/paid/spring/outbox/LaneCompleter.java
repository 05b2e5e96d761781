package ai.paid.spring.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Records the outcomes of lanes' deliveries and releases their leases, many lanes in one short transaction and one
 * statement per kind of change, fenced per lane by its token: a lane another instance claimed after our lease expired
 * is left unchanged while the others of the batch complete.
 */
final class LaneCompleter {

	private static final int ROWS_PER_DELETE = 250;

	private final JdbcTemplate jdbc;

	private final TransactionOperations transaction;

	private final OutboxDialect dialect;

	LaneCompleter(JdbcTemplate jdbc, TransactionOperations transaction, OutboxDialect dialect) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.dialect = dialect;
	}

	/** What became of a lane. */
	enum Result {

		/** Another instance holds the lane now; nothing was recorded. */
		LEASE_LOST,

		/** The lane was released (idle, waiting for a backoff, or parked). */
		RELEASED,

		/** The lane has more rows ready and its lease was extended: deliver the next batch. */
		CONTINUE

	}

	/**
	 * One lane's outcome to record.
	 *
	 * @param lane the lane
	 * @param outcome what its deliveries did
	 * @param keep whether the caller may keep the lease to deliver the next batch
	 * @param readWholeLane whether the head read returned fewer rows than it asked for, i.e. every row pending then
	 */
	record Completion(ClaimedLane lane, LaneOutcome outcome, boolean keep, boolean readWholeLane) {

	}

	/** Records one lane's outcome, waiting for its lane row lock if a writer holds it. */
	Result complete(Completion completion, long leaseMillis) {
		@Nullable Result[] results = this.transaction
			.execute((status) -> record(List.of(completion), leaseMillis, false));
		return (results != null && results[0] != null) ? results[0] : Result.LEASE_LOST;
	}

	/**
	 * Records the outcomes of many lanes in one transaction. Lane rows that another transaction holds locked (a
	 * writer committing to that lane) are skipped rather than waited for: waiting on several could deadlock with a
	 * writer that locks the same lanes in another order.
	 * @return the results in the order of the completions, {@code null} for a lane skipped: complete it alone
	 */
	@Nullable Result[] completeAll(List<Completion> completions, long leaseMillis) {
		if (completions.size() == 1) {
			return new Result[] { complete(completions.get(0), leaseMillis) };
		}
		@Nullable Result[] results = this.transaction.execute((status) -> record(completions, leaseMillis, true));
		return (results != null) ? results : new Result[completions.size()];
	}

	private @Nullable Result[] record(List<Completion> completions, long leaseMillis, boolean skipLocked) {
		@Nullable Result[] results = new Result[completions.size()];
		Map<String, long[]> locked = lock(completions, skipLocked);
		List<Integer> fenced = new ArrayList<>();
		for (int i = 0; i < completions.size(); i++) {
			ClaimedLane lane = completions.get(i).lane();
			long[] row = locked.get(lane.key());
			if (row == null) {
				results[i] = skipLocked ? null : Result.LEASE_LOST;
			}
			else if (row[0] != lane.token()) {
				results[i] = Result.LEASE_LOST;
			}
			else {
				fenced.add(i);
			}
		}
		if (fenced.isEmpty()) {
			return results;
		}
		List<PendingRow> delivered = new ArrayList<>();
		List<PendingRow> notStarted = new ArrayList<>();
		List<Completion> failed = new ArrayList<>();
		for (int i : fenced) {
			LaneOutcome outcome = completions.get(i).outcome();
			delivered.addAll(outcome.delivered());
			notStarted.addAll(outcome.notStarted());
			if (outcome.failedHead() != null && outcome.failure() != null) {
				failed.add(completions.get(i));
			}
		}
		boolean allDeleted = deleteDelivered(delivered) == delivered.size();
		if (!notStarted.isEmpty()) {
			this.jdbc.update("UPDATE paid_sync_outbox SET attempts = attempts - 1 WHERE attempts > 0 AND id IN ("
					+ ids(notStarted) + ")");
		}
		recordFailures(failed);
		// Nothing can be left in a lane when its read saw the whole lane, all of it was deleted, and no write bumped
		// its enq_seq since the claim (writers bump it under the lane row lock held here): no look-up needed.
		List<String> lookUp = new ArrayList<>();
		for (int i : fenced) {
			Completion completion = completions.get(i);
			LaneOutcome outcome = completion.outcome();
			boolean nothingLeft = completion.readWholeLane() && outcome.notStarted().isEmpty()
					&& outcome.failedHead() == null && allDeleted
					&& locked.get(completion.lane().key())[1] == completion.lane().enqueueSequence();
			if (!nothingLeft) {
				lookUp.add(completion.lane().key());
			}
		}
		Set<String> withMore = lanesWithPendingRows(lookUp);
		List<Completion> parks = new ArrayList<>();
		List<String> continuing = new ArrayList<>();
		List<Completion> releases = new ArrayList<>();
		for (int i : fenced) {
			Completion completion = completions.get(i);
			LaneOutcome outcome = completion.outcome();
			boolean more = withMore.contains(completion.lane().key());
			if (outcome.parkReason() != null) {
				parks.add(completion);
				results[i] = Result.RELEASED;
			}
			else if (more && outcome.delay() == null && completion.keep()) {
				continuing.add(completion.lane().key());
				results[i] = Result.CONTINUE;
			}
			else {
				releases.add(completion);
				results[i] = Result.RELEASED;
			}
		}
		park(parks);
		if (!continuing.isEmpty()) {
			this.jdbc.update("UPDATE paid_sync_lane SET lease_until = " + this.dialect.nowPlusMillis()
					+ " WHERE lane_key IN (" + placeholders(continuing.size()) + ")",
					concat(leaseMillis, continuing));
		}
		release(releases, withMore);
		return results;
	}

	/**
	 * Locks the lane rows, on PostgreSQL relaxing this transaction's commit in the same round trip.
	 * @return lease token and enq_seq by lane key, for the rows locked
	 */
	private Map<String, long[]> lock(List<Completion> completions, boolean skipLocked) {
		List<String> keys = completions.stream().map((completion) -> completion.lane().key()).toList();
		Map<String, long[]> locked = new HashMap<>();
		this.jdbc.query("SELECT lane_key, lease_token, enq_seq" + this.dialect.relaxedCommitColumn()
				+ " FROM paid_sync_lane WHERE lane_key IN (" + placeholders(keys.size()) + ") FOR UPDATE"
				+ (skipLocked ? " SKIP LOCKED" : ""),
				(rs) -> {
					locked.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
				}, keys.toArray());
		return locked;
	}

	/**
	 * Deletes the delivered rows; a row whose {@code row_version} a coalesced write bumped meanwhile stays queued, in
	 * place, with that newer state.
	 * @return the number of rows deleted
	 */
	private int deleteDelivered(List<PendingRow> delivered) {
		int deleted = 0;
		for (int from = 0; from < delivered.size(); from += ROWS_PER_DELETE) {
			List<PendingRow> chunk = delivered.subList(from, Math.min(from + ROWS_PER_DELETE, delivered.size()));
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

	private void recordFailures(List<Completion> failed) {
		if (failed.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("UPDATE paid_sync_outbox SET last_error = ?, last_http_status = ?, "
				+ "failures = failures + ?, attempts = attempts - ? WHERE id = ?", failed, 100, (ps, completion) -> {
					LaneOutcome outcome = completion.outcome();
					DeliveryFailure failure = outcome.failure();
					PendingRow head = outcome.failedHead();
					ps.setString(1, failure.message());
					ps.setObject(2, (failure.httpStatus() > 0) ? failure.httpStatus() : null,
							java.sql.Types.INTEGER);
					ps.setInt(3, outcome.countFailure() ? 1 : 0);
					ps.setInt(4, outcome.attemptReachedPaid() ? 0 : 1);
					ps.setLong(5, head.id());
				});
	}

	private Set<String> lanesWithPendingRows(List<String> lanes) {
		if (lanes.isEmpty()) {
			return Collections.emptySet();
		}
		return new HashSet<>(this.jdbc.queryForList("SELECT lane_key FROM paid_sync_lane l WHERE lane_key IN ("
				+ placeholders(lanes.size()) + ") AND EXISTS (SELECT 1 FROM paid_sync_outbox o "
				+ "WHERE o.lane_key = l.lane_key AND o.state = " + OutboxRowState.PENDING + ")", String.class,
				lanes.toArray()));
	}

	private void park(List<Completion> parks) {
		if (parks.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("UPDATE paid_sync_lane SET lease_owner = NULL, lease_until = NULL, parked_at = "
				+ this.dialect.now() + ", park_reason = ? WHERE lane_key = ?", parks, 100, (ps, completion) -> {
					ps.setString(1, truncate(completion.outcome().parkReason()));
					ps.setString(2, completion.lane().key());
				});
	}

	/**
	 * Releases lanes. With enq_seq unchanged and no pending rows, no committed or committing write can have been
	 * missed, since writers bump enq_seq under the lane row lock held here. A lane that must wait (retry, or a
	 * dependency not there yet) goes behind the lanes that became ready meanwhile, so that many waiting lanes cannot
	 * starve the others of claims; a lane ordered later on purpose keeps its place.
	 */
	private void release(List<Completion> releases, Set<String> withMore) {
		if (releases.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("UPDATE paid_sync_lane SET lease_owner = NULL, lease_until = NULL, not_before = "
				+ this.dialect.nowPlusMillis() + ", pending_since = CASE WHEN enq_seq = ? AND ? = 0 THEN NULL "
				+ "WHEN ? > 0 THEN GREATEST(COALESCE(pending_since, " + this.dialect.now() + "), "
				+ this.dialect.now() + ") ELSE pending_since END WHERE lane_key = ?", releases, 100,
				(ps, completion) -> {
					long delay = (completion.outcome().delay() != null) ? completion.outcome().delay().toMillis() : 0;
					ps.setLong(1, delay);
					ps.setLong(2, completion.lane().enqueueSequence());
					ps.setInt(3, withMore.contains(completion.lane().key()) ? 1 : 0);
					ps.setLong(4, delay);
					ps.setString(5, completion.lane().key());
				});
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	private static Object[] concat(Object first, Collection<String> rest) {
		Object[] args = new Object[rest.size() + 1];
		args[0] = first;
		System.arraycopy(rest.toArray(), 0, args, 1, rest.size());
		return args;
	}

	private static String ids(List<PendingRow> rows) {
		return rows.stream().map((row) -> Long.toString(row.id())).collect(Collectors.joining(", "));
	}

	private static String truncate(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > 2000) ? text.substring(0, 2000) : text;
	}

}
