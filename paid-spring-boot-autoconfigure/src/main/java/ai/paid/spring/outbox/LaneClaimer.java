package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Claims ready lanes for this instance with a lease and a fresh fencing token, in a short transaction.
 * {@code SKIP LOCKED} lets instances claim concurrently without waiting on each other or on writers that hold a lane
 * row lock until their commit.
 */
final class LaneClaimer {

	private final JdbcTemplate jdbc;

	private final TransactionOperations transaction;

	private final OutboxDialect dialect;

	private final LaneReader reader;

	private final String owner;

	private final Duration lease;

	LaneClaimer(JdbcTemplate jdbc, TransactionOperations transaction, OutboxDialect dialect, LaneReader reader,
			String owner, Duration lease) {
		this.jdbc = jdbc;
		this.reader = reader;
		this.transaction = transaction;
		this.dialect = dialect;
		this.owner = owner;
		this.lease = lease;
	}

	/**
	 * A claimed lane, with its head rows when the claim read them too.
	 *
	 * @param lane the lane
	 * @param head its first pending rows, already marked started, or {@code null} when not read yet
	 */
	record Claim(ClaimedLane lane, @Nullable List<PendingRow> head) {

	}

	/**
	 * Claims up to {@code limit} ready lanes, oldest pending first, and where the database allows reads their first
	 * rows and marks them started in the same statement.
	 * @param only restrict to these lanes (after-commit wake-up), or {@code null} for any lane
	 * @param limit maximum number of lanes
	 * @param batch rows to read per lane
	 * @return the lanes claimed
	 */
	List<Claim> claim(@Nullable Collection<String> only, int limit, int batch) {
		if (!this.dialect.updateReturning() || limit <= 0 || (only != null && only.isEmpty())) {
			return claim(only, limit).stream().map((lane) -> new Claim(lane, null)).toList();
		}
		List<Object> args = new ArrayList<>();
		String ready = ready(only, limit, args);
		List<Object> all = new ArrayList<>(args);
		all.addAll(List.of(this.owner, this.lease.toMillis(), batch));
		// The enq_seq returned is the one of the statement's snapshot, which the head read shares: a write that
		// committed after it, while the claim waited for the lane row lock, then shows as a changed enq_seq when the
		// lane completes, and its rows are looked up. The started marks commit durably: a handler relies on them.
		Map<String, Claim> claims = new LinkedHashMap<>();
		boolean[] clockSynced = new boolean[1];
		this.transaction.executeWithoutResult((status) -> this.jdbc.query("WITH ready AS (" + ready + "), "
				+ "seen AS (SELECT s.lane_key, s.enq_seq FROM paid_sync_lane s JOIN ready r ON r.lane_key = s.lane_key), "
				+ "claimed AS (UPDATE paid_sync_lane l SET lease_owner = ?, lease_until = "
				+ this.dialect.nowPlusMillis() + ", lease_token = l.lease_token + 1 FROM ready r "
				+ "WHERE l.lane_key = r.lane_key RETURNING l.lane_key, l.lease_token), "
				+ "started AS (UPDATE paid_sync_outbox o SET attempts = o.attempts + 1 FROM claimed c CROSS JOIN "
				+ "LATERAL (SELECT h.id FROM paid_sync_outbox h WHERE h.lane_key = c.lane_key AND h.state = "
				+ OutboxRowState.PENDING + " ORDER BY h.id LIMIT ?) head WHERE o.id = head.id RETURNING "
				+ LaneReader.COLUMNS.replaceAll("(^|, )", "$1o.") + ") "
				+ "SELECT c.lane_key, c.lease_token, seen.enq_seq, started.*, " + this.dialect.now()
				+ " FROM claimed c JOIN seen ON seen.lane_key = c.lane_key "
				+ "LEFT JOIN started ON started.lane_key = c.lane_key ORDER BY c.lane_key, started.id", (rs) -> {
					String key = rs.getString(1);
					Claim claim = claims.get(key);
					if (claim == null) {
						claim = new Claim(new ClaimedLane(key, rs.getLong(2), rs.getLong(3)), new ArrayList<>());
						claims.put(key, claim);
					}
					if (rs.getObject(4) != null) {
						claim.head().add(this.reader.row(rs, 3, !clockSynced[0], -1));
						clockSynced[0] = true;
					}
				}, all.toArray()));
		return new ArrayList<>(claims.values());
	}

	/** The query selecting and locking ready lanes; adds its parameters to {@code args}. */
	private String ready(@Nullable Collection<String> only, int limit, List<Object> args) {
		StringBuilder sql = new StringBuilder("SELECT lane_key, lease_token, enq_seq FROM paid_sync_lane "
				+ "WHERE pending_since IS NOT NULL AND parked_at IS NULL AND not_before <= " + this.dialect.now()
				+ " AND (lease_until IS NULL OR lease_until < " + this.dialect.now() + ")");
		if (only != null) {
			sql.append(" AND lane_key IN (").append(String.join(", ", Collections.nCopies(only.size(), "?"))).append(")");
			args.addAll(only);
		}
		sql.append(" ORDER BY pending_since LIMIT ? FOR UPDATE SKIP LOCKED");
		args.add(limit);
		return sql.toString();
	}

	/**
	 * Claims up to {@code limit} ready lanes, oldest pending first.
	 * @param only restrict to these lanes (after-commit wake-up), or {@code null} for any lane
	 * @param limit maximum number of lanes
	 * @return the lanes claimed
	 */
	List<ClaimedLane> claim(@Nullable Collection<String> only, int limit) {
		if (limit <= 0 || (only != null && only.isEmpty())) {
			return Collections.emptyList();
		}
		List<Object> args = new ArrayList<>();
		String sql = ready(only, limit, args);
		if (this.dialect.updateReturning()) {
			// one statement, in a transaction that does not wait for the log flush
			List<Object> all = new ArrayList<>(List.of(this.owner, this.lease.toMillis()));
			all.addAll(args);
			// the commit is relaxed by a column of the RETURNING list: no round trip of its own, and a claim that
			// takes nothing writes nothing
			List<ClaimedLane> claimed = this.transaction.execute((status) -> this.jdbc.query(
					"UPDATE paid_sync_lane l SET lease_owner = ?, lease_until = " + this.dialect.nowPlusMillis()
							+ ", lease_token = l.lease_token + 1 FROM (" + sql + ") ready WHERE l.lane_key = "
							+ "ready.lane_key RETURNING l.lane_key, l.lease_token, l.enq_seq"
							+ this.dialect.relaxedCommitColumn(),
					(rs, i) -> new ClaimedLane(rs.getString(1), rs.getLong(2), rs.getLong(3)), all.toArray()));
			return (claimed != null) ? claimed : Collections.emptyList();
		}
		List<ClaimedLane> claimed = this.transaction.execute((status) -> {
			List<ClaimedLane> ready = this.jdbc.query(sql,
					(rs, i) -> new ClaimedLane(rs.getString(1), rs.getLong(2) + 1, rs.getLong(3)), args.toArray());
			if (!ready.isEmpty()) {
				this.jdbc.batchUpdate("UPDATE paid_sync_lane SET lease_owner = ?, lease_until = "
						+ this.dialect.nowPlusMillis() + ", lease_token = ? WHERE lane_key = ?", ready, 100,
						(ps, lane) -> {
							ps.setString(1, this.owner);
							ps.setLong(2, this.lease.toMillis());
							ps.setLong(3, lane.token());
							ps.setString(4, lane.key());
						});
			}
			return ready;
		});
		return (claimed != null) ? claimed : Collections.emptyList();
	}

	private boolean ownedByAnother(ClaimedLane lane) {
		List<Long> tokens = this.jdbc.queryForList(
				"SELECT lease_token FROM paid_sync_lane WHERE lane_key = ? AND lease_owner IS NOT NULL", Long.class,
				lane.key());
		return !tokens.isEmpty() && tokens.get(0) != lane.token();
	}

	/**
	 * Extends the leases of lanes still being delivered.
	 * @return the lanes another instance claimed after our lease expired (not those we released meanwhile)
	 */
	List<ClaimedLane> extend(Collection<ClaimedLane> lanes) {
		List<ClaimedLane> list = new ArrayList<>(lanes);
		if (list.isEmpty()) {
			return list;
		}
		int[][] counts = this.jdbc.batchUpdate("UPDATE paid_sync_lane SET lease_until = " + this.dialect.nowPlusMillis()
				+ " WHERE lane_key = ? AND lease_token = ? AND lease_owner = ?", list, 100, (ps, lane) -> {
					ps.setLong(1, this.lease.toMillis());
					ps.setString(2, lane.key());
					ps.setLong(3, lane.token());
					ps.setString(4, this.owner);
				});
		List<ClaimedLane> lost = new ArrayList<>();
		int index = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				if (count == 0 && ownedByAnother(list.get(index))) {
					lost.add(list.get(index));
				}
				index++;
			}
		}
		return lost;
	}

}
