package ai.paid.spring.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Operates the outbox from code: how big the backlog is, which lanes are parked and why, and the fixes (retry a
 * parked lane, skip its head row or all its rows, pause and resume dispatching). What the outbox holds for an entity
 * is read through {@link OutboxQueries}. Works across instances: everything except pausing
 * is stored in the database.
 */
public final class OutboxAdmin {

	private static final String PENDING = "state = " + OutboxRowState.PENDING;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final OutboxDialect dialect;

	private final @Nullable OutboxDispatcher dispatcher;

	private final Consumer<Set<String>> wake;

	private volatile @Nullable CachedBacklog cached;

	/**
	 * Create an admin.
	 * @param dataSource the application's data source holding the outbox tables
	 * @param dispatcher the local dispatcher, {@code null} if this instance does not dispatch
	 */
	public OutboxAdmin(DataSource dataSource, @Nullable OutboxDispatcher dispatcher) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.dialect = OutboxDialect.of(dataSource);
		this.dispatcher = dispatcher;
		this.wake = (dispatcher != null) ? dispatcher : (lanes) -> {
		};
	}

	/**
	 * Counts the backlog. Runs a few aggregate queries; cache the result if you call it often.
	 * @return the backlog
	 */
	public OutboxBacklog backlog() {
		Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM paid_sync_outbox WHERE " + PENDING, Long.class);
		Long lanes = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM paid_sync_lane WHERE pending_since IS NOT NULL AND parked_at IS NULL", Long.class);
		Long parked = this.jdbc.queryForObject("SELECT COUNT(*) FROM paid_sync_lane WHERE parked_at IS NOT NULL",
				Long.class);
		// the lowest pending id is (nearly always) the oldest row, and is found through the primary key
		Duration age = this.jdbc.query("SELECT o.created_at, " + this.dialect.now() + " FROM paid_sync_outbox o "
				+ "WHERE o.id = (SELECT MIN(id) FROM paid_sync_outbox WHERE " + PENDING + ")", (rs) -> {
					if (!rs.next()) {
						return Duration.ZERO;
					}
					Duration between = Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant());
					return between.isNegative() ? Duration.ZERO : between;
				});
		return new OutboxBacklog(nonNull(rows), nonNull(lanes), nonNull(parked), (age != null) ? age : Duration.ZERO,
				(this.dispatcher != null) ? this.dispatcher.status() : null);
	}

	/**
	 * Returns a recent {@link #backlog()}, querying at most once per {@code maxStaleness} however often it is called
	 * (for gauges and health checks scraped by many clients).
	 * @param maxStaleness how old the returned snapshot may be
	 * @return the backlog
	 */
	public OutboxBacklog backlog(Duration maxStaleness) {
		CachedBacklog cached = this.cached;
		long now = System.nanoTime();
		if (cached == null || now - cached.takenAt() > maxStaleness.toNanos()) {
			synchronized (this) {
				cached = this.cached;
				if (cached == null || now - cached.takenAt() > maxStaleness.toNanos()) {
					cached = new CachedBacklog(backlog(), System.nanoTime());
					this.cached = cached;
				}
			}
		}
		OutboxBacklog backlog = cached.backlog();
		return new OutboxBacklog(backlog.pendingRows(), backlog.pendingLanes(), backlog.parkedLanes(),
				backlog.oldestPendingAge(), dispatchStatus());
	}

	private record CachedBacklog(OutboxBacklog backlog, long takenAt) {

	}

	/**
	 * Lists parked lanes, oldest first, with their head row.
	 * @param page zero-based page
	 * @param size page size
	 * @return the lanes on that page
	 */
	public List<ParkedLane> parkedLanes(int page, int size) {
		Assert.isTrue(page >= 0, "'page' must not be negative");
		Assert.isTrue(size > 0, "'size' must be positive");
		return this.jdbc.query("SELECT l.lane_key, l.parked_at, l.park_reason, o.id, o.entity_type, o.entity_id, o.op, "
				+ "o.attempts, o.last_error, o.last_http_status, "
				+ "(SELECT COUNT(*) FROM paid_sync_outbox c WHERE c.lane_key = l.lane_key AND c." + PENDING + ") "
				+ "FROM paid_sync_lane l LEFT JOIN paid_sync_outbox o ON o.id = "
				+ "(SELECT MIN(h.id) FROM paid_sync_outbox h WHERE h.lane_key = l.lane_key AND h." + PENDING + ") "
				+ "WHERE l.parked_at IS NOT NULL ORDER BY l.parked_at, l.lane_key LIMIT ? OFFSET ?", (rs, i) -> {
					long headId = rs.getLong(4);
					boolean hasHead = !rs.wasNull();
					int status = rs.getInt(10);
					boolean hasStatus = !rs.wasNull();
					String op = rs.getString(7);
					return new ParkedLane(rs.getString(1), instant(rs.getTimestamp(2)), rs.getString(3),
							hasHead ? headId : null, rs.getString(5), rs.getString(6),
							(op != null) ? OutboxOperation.valueOf(op) : null, rs.getInt(8), rs.getString(9),
							hasStatus ? status : null, rs.getLong(11));
				}, size, (long) page * size);
	}

	/**
	 * Un-parks a lane: its head row is tried again now, with a fresh retry budget.
	 * @param lane the lane key
	 * @return whether the lane was parked
	 */
	public boolean retryLane(String lane) {
		Boolean retried = this.transaction.execute((status) -> {
			int updated = this.jdbc.update("UPDATE paid_sync_lane SET parked_at = NULL, park_reason = NULL, not_before = "
					+ this.dialect.now() + " WHERE lane_key = ? AND parked_at IS NOT NULL", lane);
			if (updated == 0) {
				return false;
			}
			this.jdbc.update("UPDATE paid_sync_outbox SET failures = 0 WHERE lane_key = ? AND " + PENDING, lane);
			return true;
		});
		if (Boolean.TRUE.equals(retried)) {
			this.wake.accept(Set.of(lane));
		}
		return Boolean.TRUE.equals(retried);
	}

	/**
	 * Skips a parked lane's head row (kept in the table with state SKIPPED for audit) and lets the lane continue with
	 * its next row.
	 * @param lane the lane key
	 * @return the skipped row's id, or {@code null} if the lane was not parked or had no pending row
	 */
	public @Nullable Long skipHead(String lane) {
		Long skipped = this.transaction.execute((status) -> {
			List<Long> parked = this.jdbc.queryForList(
					"SELECT lease_token FROM paid_sync_lane WHERE lane_key = ? AND parked_at IS NOT NULL FOR UPDATE",
					Long.class, lane);
			if (parked.isEmpty()) {
				return null;
			}
			List<Long> head = this.jdbc.queryForList(
					"SELECT id FROM paid_sync_outbox WHERE lane_key = ? AND " + PENDING + " ORDER BY id LIMIT 1", Long.class,
					lane);
			if (!head.isEmpty()) {
				this.jdbc.update("UPDATE paid_sync_outbox SET state = ?, updated_at = " + this.dialect.now()
						+ " WHERE id = ?", OutboxRowState.SKIPPED, head.get(0));
			}
			this.jdbc.update("UPDATE paid_sync_lane SET parked_at = NULL, park_reason = NULL, not_before = "
					+ this.dialect.now() + " WHERE lane_key = ?", lane);
			return head.isEmpty() ? null : head.get(0);
		});
		this.wake.accept(Set.of(lane));
		return skipped;
	}

	/**
	 * Skips every pending row of a parked lane (kept in the table with state SKIPPED for audit, like
	 * {@link #skipHead}) and un-parks it: the operator's one action when a lane's head cannot be delivered and the
	 * rows behind it depend on it (a customer Paid does not have, with its contacts, orders and signals). Rows queued
	 * after this call are delivered as usual.
	 * @param lane the lane key
	 * @return the number of rows skipped, or {@code -1} if the lane was not parked
	 */
	public int skipLane(String lane) {
		Integer skipped = this.transaction.execute((status) -> {
			// the lane row lock: writers of this lane wait, so every row skipped was committed before this call
			List<Long> parked = this.jdbc.queryForList(
					"SELECT lease_token FROM paid_sync_lane WHERE lane_key = ? AND parked_at IS NOT NULL FOR UPDATE",
					Long.class, lane);
			if (parked.isEmpty()) {
				return -1;
			}
			int rows = this.jdbc.update("UPDATE paid_sync_outbox SET state = ?, updated_at = " + this.dialect.now()
					+ " WHERE lane_key = ? AND " + PENDING, OutboxRowState.SKIPPED, lane);
			this.jdbc.update("UPDATE paid_sync_lane SET parked_at = NULL, park_reason = NULL, not_before = "
					+ this.dialect.now() + " WHERE lane_key = ?", lane);
			return rows;
		});
		this.wake.accept(Set.of(lane));
		return (skipped != null) ? skipped : -1;
	}

	/** Stops this instance's dispatcher from claiming lanes until {@link #resume()}. */
	public void pause() {
		if (this.dispatcher != null) {
			this.dispatcher.pause();
		}
	}

	/** Resumes this instance's dispatcher after {@link #pause()}. */
	public void resume() {
		if (this.dispatcher != null) {
			this.dispatcher.resume();
		}
	}

	/**
	 * The local dispatcher's state: paused, credentials rejected, circuit breaker, rate limit.
	 * @return the status, or {@code null} if this instance does not dispatch
	 */
	public @Nullable DispatchStatus dispatchStatus() {
		return (this.dispatcher != null) ? this.dispatcher.status() : null;
	}

	private static long nonNull(@Nullable Long value) {
		return (value != null) ? value : 0;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}

}
