package ai.paid.spring.webhook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * All SQL on the inbox table {@code paid_webhook_inbox}; no other class names it. States: 0 pending, 1 handled,
 * 2 parked, 3 skipped. Instants are epoch milliseconds from the instances' clocks.
 */
final class WebhookStore {

	static final int PENDING = 0;

	static final int HANDLED = 1;

	static final int PARKED = 2;

	static final int SKIPPED = 3;

	private static final int MAX_ERROR_LENGTH = 2000;

	private final JdbcTemplate jdbc;

	private final WebhookDialect dialect;

	WebhookStore(DataSource dataSource, WebhookDialect dialect) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.dialect = dialect;
	}

	WebhookDialect dialect() {
		return this.dialect;
	}

	/**
	 * Records a verified delivery in the caller's transaction, if any; with a lease owner the new row is claimed by
	 * it at once (its first attempt), so that the receiving instance hands it to a worker without a claim.
	 * @return the new row's id, or {@code -1} when its key was seen before (the redelivery is counted)
	 */
	long record(String dedupKey, String event, String body, long now, @Nullable String leaseOwner, long leaseUntil) {
		String insert = "INSERT INTO paid_webhook_inbox (dedup_key, event_name, body, received_at, not_before,"
				+ " lease_owner, lease_until, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
		Object[] args = { dedupKey, event, body, now, now, leaseOwner, (leaseOwner != null) ? leaseUntil : null,
				(leaseOwner != null) ? 1 : 0 };
		return switch (this.dialect) {
			case POSTGRESQL -> this.jdbc.queryForObject(insert
					+ " ON CONFLICT (dedup_key) DO UPDATE SET deliveries = paid_webhook_inbox.deliveries + 1"
					+ " RETURNING CASE WHEN xmax = 0 THEN id ELSE -1 END", Long.class, args);
			case MARIADB, MYSQL -> insertReturningId(insert + " ON DUPLICATE KEY UPDATE deliveries = deliveries + 1",
					args);
			case H2 -> {
				try {
					yield insertReturningId(insert, args);
				}
				catch (DuplicateKeyException ex) {
					this.jdbc.update("UPDATE paid_webhook_inbox SET deliveries = deliveries + 1 WHERE dedup_key = ?",
							dedupKey);
					yield -1;
				}
			}
		};
	}

	// -1 unless exactly one row was inserted (an upsert that updated reports 2)
	private long insertReturningId(String sql, Object[] args) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		int rows = this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql, new String[] { "id" });
			new ArgumentPreparedStatementSetter(args).setValues(statement);
			return statement;
		}, keys);
		if (rows != 1) {
			return -1;
		}
		Object id = keys.getKeyList().get(0).values().iterator().next();
		return ((Number) id).longValue();
	}

	/**
	 * Claims up to {@code limit} rows that are due and not leased, in the caller's transaction (rows locked by
	 * another instance's claim are skipped).
	 */
	List<ClaimedWebhook> claim(String token, long now, long leaseUntil, int limit) {
		List<Object[]> rows = this.jdbc.query("SELECT id, dedup_key, event_name, body, attempts FROM paid_webhook_inbox"
				+ " WHERE state = 0 AND not_before <= ? AND (lease_until IS NULL OR lease_until < ?)"
				+ " ORDER BY not_before, id LIMIT ?" + this.dialect.lockClause(),
				(rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5) },
				now, now, limit);
		if (rows.isEmpty()) {
			return List.of();
		}
		List<ClaimedWebhook> claimed = new ArrayList<>(rows.size());
		this.jdbc.batchUpdate("UPDATE paid_webhook_inbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1"
				+ " WHERE id = ?", rows, rows.size(), (PreparedStatement ps, Object[] row) -> {
					ps.setString(1, token);
					ps.setLong(2, leaseUntil);
					ps.setLong(3, (Long) row[0]);
				});
		for (Object[] row : rows) {
			claimed.add(new ClaimedWebhook((Long) row[0], (String) row[1], (String) row[2], (String) row[3],
					(Integer) row[4] + 1, token));
		}
		return claimed;
	}

	/** Marks a claimed row handled, in the handlers' transaction; {@code false} when the claim was lost. */
	boolean complete(ClaimedWebhook row, long now) {
		return this.jdbc.update("UPDATE paid_webhook_inbox SET state = 1, finished_at = ?, lease_owner = NULL,"
				+ " lease_until = NULL, last_error = NULL WHERE id = ? AND state = 0 AND lease_owner = ?", now,
				row.id(), row.token()) == 1;
	}

	/** Schedules a failed row's next attempt, or parks it; {@code false} when the claim was lost. */
	boolean fail(ClaimedWebhook row, String error, boolean park, long now, long notBefore) {
		String message = (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
		if (park) {
			return this.jdbc.update("UPDATE paid_webhook_inbox SET state = 2, finished_at = ?, lease_owner = NULL,"
					+ " lease_until = NULL, last_error = ? WHERE id = ? AND state = 0 AND lease_owner = ?", now,
					message, row.id(), row.token()) == 1;
		}
		return this.jdbc.update("UPDATE paid_webhook_inbox SET not_before = ?, lease_owner = NULL, lease_until = NULL,"
				+ " last_error = ? WHERE id = ? AND state = 0 AND lease_owner = ?", notBefore, message, row.id(),
				row.token()) == 1;
	}

	/** Sends a parked row back to the queue with fresh attempts. */
	boolean retry(long id, long now) {
		return this.jdbc.update("UPDATE paid_webhook_inbox SET state = 0, attempts = 0, not_before = ?,"
				+ " finished_at = NULL, lease_owner = NULL, lease_until = NULL WHERE id = ? AND state = 2", now,
				id) == 1;
	}

	/** Gives up on a parked or pending row; kept as skipped, so a redelivery is still acknowledged. */
	boolean skip(long id, long now) {
		return this.jdbc.update("UPDATE paid_webhook_inbox SET state = 3, finished_at = ?, lease_owner = NULL,"
				+ " lease_until = NULL WHERE id = ? AND state IN (0, 2)", now, id) == 1;
	}

	/** Deletes handled and skipped rows finished before {@code before}; returns how many. */
	int purge(long before) {
		return this.jdbc.update("DELETE FROM paid_webhook_inbox WHERE state IN (1, 3) AND finished_at < ?", before);
	}

	WebhookBacklog backlog() {
		long[] counts = new long[4];
		Long[] oldestPending = { null };
		this.jdbc.query("SELECT state, COUNT(*), MIN(received_at) FROM paid_webhook_inbox GROUP BY state",
				(ResultSet rs) -> {
					int state = rs.getInt(1);
					if (state >= 0 && state < counts.length) {
						counts[state] = rs.getLong(2);
					}
					if (state == PENDING) {
						oldestPending[0] = rs.getLong(3);
					}
				});
		return new WebhookBacklog(counts[PENDING], counts[HANDLED], counts[PARKED], counts[SKIPPED],
				oldestPending[0]);
	}

	List<WebhookInboxEntry> entries(int state, int page, int size) {
		return this.jdbc.query("SELECT id, dedup_key, event_name, state, attempts, deliveries, received_at,"
				+ " finished_at, last_error FROM paid_webhook_inbox WHERE state = ? ORDER BY id LIMIT ? OFFSET ?",
				(rs, i) -> entry(rs), state, size, (long) page * size);
	}

	@Nullable WebhookInboxEntry entry(long id) {
		List<WebhookInboxEntry> found = this.jdbc.query("SELECT id, dedup_key, event_name, state, attempts,"
				+ " deliveries, received_at, finished_at, last_error FROM paid_webhook_inbox WHERE id = ?",
				(rs, i) -> entry(rs), id);
		return found.isEmpty() ? null : found.get(0);
	}

	@Nullable WebhookInboxEntry entryByKey(String dedupKey) {
		List<WebhookInboxEntry> found = this.jdbc.query("SELECT id, dedup_key, event_name, state, attempts,"
				+ " deliveries, received_at, finished_at, last_error FROM paid_webhook_inbox WHERE dedup_key = ?",
				(rs, i) -> entry(rs), dedupKey);
		return found.isEmpty() ? null : found.get(0);
	}

	private static WebhookInboxEntry entry(ResultSet rs) throws SQLException {
		long finished = rs.getLong(8);
		Long finishedAt = rs.wasNull() ? null : finished;
		return new WebhookInboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
				WebhookInboxEntry.State.values()[rs.getInt(4)], rs.getInt(5), rs.getInt(6), rs.getLong(7),
				finishedAt, rs.getString(9));
	}

	/** Fails with the database's message when the table cannot be read. */
	void check() {
		this.jdbc.queryForList("SELECT id FROM paid_webhook_inbox WHERE 1 = 0");
	}

}
