package ai.paid.spring.sync.jpa;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ai.paid.spring.sync.BackfillProgress;
import ai.paid.spring.sync.PaidEntityType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code paid_sync_backfill} table: one row per synced entity with the backfill's state, counts and last id
 * queued, written in the transaction of the chunk it describes so a restarted backfill continues after it.
 */
final class BackfillProgressStore {

	private final JdbcTemplate jdbc;

	BackfillProgressStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** @throws IllegalStateException saying how to create the table when it cannot be read */
	void requireTable() {
		try {
			this.jdbc.queryForList("SELECT entity_name FROM paid_sync_backfill WHERE 1 = 0", String.class);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Paid backfill stores its progress in table paid_sync_backfill, which "
					+ "could not be read; create it from the starter's schema script "
					+ "(ai/paid/spring/sync/schema-<database>.sql) or set paid.outbox.initialize-schema=always", ex);
		}
	}

	List<BackfillProgress> findAll() {
		List<BackfillProgress> all = new ArrayList<>();
		this.jdbc.query("SELECT entity_name, paid_type, state, done_count, total_count, skipped_count "
				+ "FROM paid_sync_backfill", (rs) -> {
					String type = rs.getString(2);
					boolean known = type != null && !type.isEmpty();
					all.add(new BackfillProgress(rs.getString(1), known ? PaidEntityType.valueOf(type) : null,
							rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
				});
		return all;
	}

	@Nullable String lastId(String entityName) {
		List<String> ids = this.jdbc.queryForList("SELECT last_id FROM paid_sync_backfill WHERE entity_name = ?",
				String.class, entityName);
		return ids.isEmpty() ? null : ids.get(0);
	}

	void store(BackfillProgress progress, @Nullable String lastId) {
		String type = (progress.paidType() != null) ? progress.paidType().name() : "";
		int updated = this.jdbc.update(
				"UPDATE paid_sync_backfill SET paid_type = ?, state = ?, last_id = ?, done_count = ?, total_count = ?, "
						+ "skipped_count = ?, updated_at = CURRENT_TIMESTAMP WHERE entity_name = ?",
				type, progress.state(), lastId, progress.done(), progress.total(), progress.skipped(),
				progress.entity());
		if (updated == 0) {
			this.jdbc.update("INSERT INTO paid_sync_backfill (entity_name, paid_type, state, last_id, done_count, "
					+ "total_count, skipped_count, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
					progress.entity(), type, progress.state(), lastId, progress.done(), progress.total(),
					progress.skipped());
		}
	}

}
