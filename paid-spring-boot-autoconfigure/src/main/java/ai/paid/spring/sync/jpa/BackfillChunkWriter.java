package ai.paid.spring.sync.jpa;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.BackfillProgress;
import ai.paid.spring.sync.PaidSyncDataException;
import ai.paid.spring.sync.delivery.SyncMessages;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Queues one chunk of a backfill in one transaction: reads the next page, queues a snapshot of each entity (skipping,
 * with a warning, one whose data is invalid), and stores the progress with it, so the chunk and its position commit
 * together.
 */
final class BackfillChunkWriter {

	private static final Log logger = LogFactory.getLog(BackfillChunkWriter.class);

	/** How far behind live lanes the lanes made pending by a backfill are claimed. */
	static final Duration LIVE_FIRST = Duration.ofDays(1);

	private final BackfillPager pager;

	private final BackfillProgressStore store;

	private final EntityMappings mappings;

	private final SyncMessages messages;

	private final PaidOutbox outbox;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final int chunkSize;

	BackfillChunkWriter(BackfillPager pager, BackfillProgressStore store, EntityMappings mappings,
			SyncMessages messages, PaidOutbox outbox, DataSource dataSource, TransactionTemplate transaction,
			int chunkSize) {
		this.pager = pager;
		this.store = store;
		this.mappings = mappings;
		this.messages = messages;
		this.outbox = outbox;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = transaction;
		this.chunkSize = chunkSize;
	}

	Chunk write(SyncedClass synced, @Nullable String lastId, long done, long total, long skipped) {
		Chunk chunk = this.transaction.execute((status) -> {
			Timestamp since = this.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP(6)", Timestamp.class);
			long readStart = System.nanoTime();
			List<?> entities = this.pager.page(synced, lastId, this.chunkSize);
			long mapStart = System.nanoTime();
			Set<String> lanes = new LinkedHashSet<>();
			long queued = 0;
			long failed = 0;
			String last = lastId;
			for (Object entity : entities) {
				last = this.pager.positionOf(entity);
				try {
					OutboxMessage message = this.messages.upsert(this.mappings.snapshot(entity),
							this.mappings.clearedFields(entity));
					this.outbox.enqueue(message);
					lanes.add(message.lane());
					queued++;
				}
				catch (PaidSyncDataException ex) {
					failed++;
					logger.warn("Paid backfill skipped " + synced.name() + " " + last + ": " + ex.getMessage());
				}
			}
			this.pager.clear();
			if (!entities.isEmpty()) {
				this.store.store(new BackfillProgress(synced.name(), synced.type(), BackfillProgress.RUNNING,
						done + queued, total, skipped + failed), last);
			}
			if (!lanes.isEmpty() && since != null) {
				// registered after the outbox's own synchronization, so it runs after the rows and lanes are written
				TransactionSynchronizationManager.registerSynchronization(new LiveFirst(lanes, since));
			}
			return new Chunk(entities.size(), queued, failed, last, mapStart - readStart,
					System.nanoTime() - mapStart);
		});
		Assert.state(chunk != null, "Backfill chunk returned nothing");
		return chunk;
	}

	record Chunk(int read, long queued, long skipped, @Nullable String lastId, long readNanos,
			long mapNanos) {

	}

	/**
	 * Orders the lanes a chunk made pending behind live ones: lanes whose {@code pending_since} was set by this
	 * transaction (not before it started) get it moved {@link #LIVE_FIRST} ahead. Lanes already pending keep their
	 * place.
	 */
	private final class LiveFirst implements TransactionSynchronization {

		private final List<String> lanes;

		private final Timestamp since;

		LiveFirst(Set<String> lanes, Timestamp since) {
			this.lanes = new ArrayList<>(lanes);
			this.since = since;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			Timestamp later = Timestamp.from(this.since.toInstant().plus(LIVE_FIRST));
			BackfillChunkWriter.this.jdbc.batchUpdate(
					"UPDATE paid_sync_lane SET pending_since = ? WHERE lane_key = ? AND pending_since >= ?",
					this.lanes, 500, (ps, lane) -> {
						ps.setTimestamp(1, later);
						ps.setString(2, lane);
						ps.setTimestamp(3, this.since);
					});
		}

	}

}
