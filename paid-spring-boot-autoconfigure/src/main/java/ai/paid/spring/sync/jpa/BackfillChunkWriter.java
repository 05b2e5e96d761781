package ai.paid.spring.sync.jpa;

import java.util.List;

import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.BackfillProgress;
import ai.paid.spring.sync.PaidSyncDataException;
import ai.paid.spring.sync.delivery.SyncMessages;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Queues one chunk of a backfill in one transaction: reads the next page, queues a snapshot of each entity (skipping,
 * with a warning, one whose data is invalid), and stores the progress with it, so the chunk and its position commit
 * together.
 */
final class BackfillChunkWriter {

	private static final Log logger = LogFactory.getLog(BackfillChunkWriter.class);

	private final BackfillPager pager;

	private final BackfillProgressStore store;

	private final EntityMappings mappings;

	private final SyncMessages messages;

	private final PaidOutbox outbox;

	private final TransactionTemplate transaction;

	private final int chunkSize;

	BackfillChunkWriter(BackfillPager pager, BackfillProgressStore store, EntityMappings mappings,
			SyncMessages messages, PaidOutbox outbox, TransactionTemplate transaction,
			int chunkSize) {
		this.pager = pager;
		this.store = store;
		this.mappings = mappings;
		this.messages = messages;
		this.outbox = outbox;
		this.transaction = transaction;
		this.chunkSize = chunkSize;
	}

	Chunk write(SyncedClass synced, @Nullable String lastId, long done, long total, long skipped) {
		Chunk chunk = this.transaction.execute((status) -> {
			long readStart = System.nanoTime();
			List<?> entities = this.pager.page(synced, lastId, this.chunkSize);
			long mapStart = System.nanoTime();
			long queued = 0;
			long failed = 0;
			String last = lastId;
			for (Object entity : entities) {
				last = this.pager.positionOf(entity);
				try {
					OutboxMessage live = this.messages.upsert(this.mappings.snapshot(entity),
							this.mappings.clearedFields(entity));
					// live changes keep priority: lanes made pending only by a backfill are claimed after the others
					this.outbox.enqueue(new OutboxMessage(live.lane(), live.entityType(), live.entityId(),
							live.operation(), live.payload(), OutboxMessage.Priority.BACKGROUND));
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
			return new Chunk(entities.size(), queued, failed, last, mapStart - readStart,
					System.nanoTime() - mapStart);
		});
		Assert.state(chunk != null, "Backfill chunk returned nothing");
		return chunk;
	}

	record Chunk(int read, long queued, long skipped, @Nullable String lastId, long readNanos,
			long mapNanos) {

	}

}
