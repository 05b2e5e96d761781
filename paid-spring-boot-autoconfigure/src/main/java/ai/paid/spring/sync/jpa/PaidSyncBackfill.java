package ai.paid.spring.sync.jpa;

// Why this class is long: over 300 lines because it is the public facade and most of it is documented API; paging,
// progress storage, chunk writing and targeted resync are classes of their own.

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javax.sql.DataSource;

import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.BackfillProgress;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.delivery.SyncMessages;
import ai.paid.spring.sync.delivery.SyncPayloadCodec;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Initial sync: queues every existing entity of the synced types in the outbox, as live capture would have queued it
 * had the starter been there when the entity was saved. Customers go first, then contacts, then orders, so each
 * customer's row is ahead of its contacts' and orders' rows in its lane.
 * <p>
 * Entities are read by keyset pagination on their id, in chunks of a configurable size, each chunk in a transaction
 * of its own with a fresh persistence context, so memory stays bounded whatever the table size. The last id queued is
 * stored with the chunk (table {@code paid_sync_backfill}), so a backfill interrupted by a restart or by
 * {@link #stop()} continues after it. Running a backfill again queues everything again, which duplicates nothing in
 * Paid: customers and contacts are written update-first by external id and orders through their stored link.
 * <p>
 * Live changes keep priority: a backfill queues its chunks at background priority, so the dispatcher claims lanes
 * with live changes first whenever both are waiting.
 */
public final class PaidSyncBackfill {

	private static final Log logger = LogFactory.getLog(PaidSyncBackfill.class);

	private final EntityMappings mappings;

	private final SyncMessages messages = new SyncMessages(new SyncPayloadCodec());

	private final PaidOutbox outbox;

	private final TransactionTemplate transaction;

	private final int chunkSize;

	private final List<SyncedClass> classes;

	private final BackfillPager pager;

	private final BackfillProgressStore store;

	private final TargetedResync resyncs;

	private final BackfillChunkWriter chunks;

	private final Map<String, BackfillProgress> progress = new ConcurrentHashMap<>();

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile boolean progressLoaded;

	private volatile boolean stopRequested;

	private volatile Consumer<BackfillProgress> chunkListener = (progress) -> {
	};

	/**
	 * Create a backfill.
	 * @param entityManagerFactory the persistence unit holding the synced entities
	 * @param mappings the entity mappings (shared with live capture)
	 * @param outbox where entities are queued
	 * @param dataSource the application's data source (the progress table)
	 * @param transactionManager the application's transaction manager, one transaction per chunk
	 * @param chunkSize entities per chunk and transaction
	 */
	public PaidSyncBackfill(EntityManagerFactory entityManagerFactory, EntityMappings mappings, PaidOutbox outbox,
			DataSource dataSource, PlatformTransactionManager transactionManager, int chunkSize) {
		Assert.isTrue(chunkSize > 0, "'chunkSize' must be positive");
		this.mappings = mappings;
		this.outbox = outbox;
		this.transaction = new TransactionTemplate(transactionManager);
		this.chunkSize = chunkSize;
		this.classes = SyncedClass.of(entityManagerFactory, mappings);
		this.pager = new BackfillPager(entityManagerFactory);
		this.store = new BackfillProgressStore(dataSource);
		this.chunks = new BackfillChunkWriter(this.pager, this.store, mappings, this.messages, outbox,
				this.transaction, chunkSize);
		this.resyncs = new TargetedResync(this.pager, mappings, this.messages, outbox, this.transaction, chunkSize);
	}

	EntityMappings mappings() {
		return this.mappings;
	}

	/**
	 * Names of the synced entities a backfill covers.
	 * @return the JPA entity names
	 */
	public List<String> entityNames() {
		return this.classes.stream().map(SyncedClass::name).toList();
	}

	/**
	 * Queues every synced entity, customers first, then contacts, then orders; continues an interrupted backfill.
	 * Returns when done or stopped.
	 * @return the number of entities queued
	 * @throws IllegalStateException if a backfill is already running in this instance
	 */
	public long backfill() {
		return run(this.classes);
	}

	/**
	 * Queues every entity of one synced class; continues an interrupted backfill of that class.
	 * @param entityType the entity class
	 * @return the number of entities queued
	 * @throws IllegalArgumentException if the class is not a synced entity
	 * @throws IllegalStateException if a backfill is already running in this instance
	 */
	public long backfill(Class<?> entityType) {
		return run(List.of(find(entityType)));
	}

	/**
	 * Starts {@link #backfill()} (or the backfill of one entity) on a background thread.
	 * @param entityName the JPA entity name or simple class name to backfill, {@code null} for all
	 * @return whether it started ({@code false} when a backfill is already running)
	 */
	public boolean start(@Nullable String entityName) {
		List<SyncedClass> targets = (entityName != null) ? List.of(find(entityName)) : this.classes;
		if (!this.running.compareAndSet(false, true)) {
			return false;
		}
		Thread thread = new CustomizableThreadFactory("paid-backfill-").newThread(() -> {
			try {
				runClaimed(targets);
			}
			catch (RuntimeException ex) {
				logger.error("Paid backfill failed; starting it again continues after the last chunk queued", ex);
			}
		});
		thread.setDaemon(true);
		thread.start();
		return true;
	}

	/** Asks a running backfill to stop after its current chunk; starting it again continues from there. */
	public void stop() {
		if (this.running.get()) {
			this.stopRequested = true;
		}
	}

	/**
	 * Whether a backfill is running in this instance.
	 * @return whether one runs
	 */
	public boolean isRunning() {
		return this.running.get();
	}

	/**
	 * Progress per synced entity, as stored (so it includes backfills run by other instances or before a restart).
	 * @return one entry per synced entity
	 */
	public List<BackfillProgress> progress() {
		loadProgress();
		return this.classes.stream().map((synced) -> progressOf(synced.name())).toList();
	}

	/**
	 * Progress of one entity from memory, refreshed by every chunk this instance queues (for meters).
	 * @param entityName the JPA entity name
	 * @return its progress
	 */
	public BackfillProgress progressOf(String entityName) {
		if (!this.progressLoaded) {
			loadProgress();
		}
		BackfillProgress known = this.progress.get(entityName);
		return (known != null) ? known
				: new BackfillProgress(entityName, null, BackfillProgress.NOT_STARTED, 0, 0, 0);
	}

	/**
	 * Queues a fresh snapshot of one entity, as a live change would. Looks the entity up by its JPA id first and
	 * otherwise pages through the entities of that type, comparing external ids.
	 * @param type what the entity is in Paid
	 * @param externalId its external id
	 * @return whether it was found
	 */
	public boolean resync(PaidEntityType type, String externalId) {
		Assert.hasText(externalId, "'externalId' must not be empty");
		return this.resyncs.resync(ordered(this.classes), type, externalId);
	}

	/**
	 * Queues a fresh snapshot of one customer and of all its contacts and orders, in that order. Contacts and orders
	 * are found by paging through their tables.
	 * @param customerExternalId the customer's external id
	 * @return the number of entities queued
	 */
	public long backfillCustomer(String customerExternalId) {
		Assert.hasText(customerExternalId, "'customerExternalId' must not be empty");
		return this.resyncs.resyncCustomer(ordered(this.classes), customerExternalId);
	}

	/** Called after every committed chunk (tests stop a backfill at a known point with it). */
	void onChunk(Consumer<BackfillProgress> listener) {
		this.chunkListener = listener;
	}

	private long run(List<SyncedClass> targets) {
		if (!this.running.compareAndSet(false, true)) {
			throw new IllegalStateException("A Paid backfill is already running in this instance");
		}
		return runClaimed(targets);
	}

	private long runClaimed(List<SyncedClass> targets) {
		this.stopRequested = false;
		try {
			this.store.requireTable();
			long queued = 0;
			for (SyncedClass synced : ordered(targets)) {
				if (this.stopRequested) {
					break;
				}
				queued += backfillClass(synced);
			}
			if (this.stopRequested) {
				logger.info("Paid backfill stopped after queueing " + queued
						+ " entities; starting it again continues from there");
			}
			return queued;
		}
		finally {
			this.stopRequested = false;
			this.running.set(false);
		}
	}

	private long backfillClass(SyncedClass synced) {
		BackfillProgress stored = loadProgress(synced.name());
		Long counted = this.transaction.execute((status) -> this.pager.count(synced));
		long total = (counted != null) ? counted : 0;
		String lastId = null;
		long done = 0;
		long skipped = 0;
		if (stored != null && BackfillProgress.RUNNING.equals(stored.state())) {
			lastId = this.store.lastId(synced.name());
			done = stored.done();
			skipped = stored.skipped();
			logger.info("Paid backfill of " + synced.name() + " continues after " + done + " entities queued before");
		}
		PaidEntityType type = synced.type();
		publish(new BackfillProgress(synced.name(), type, BackfillProgress.RUNNING, done, total, skipped));
		long queued = 0;
		while (!this.stopRequested) {
			long start = System.nanoTime();
			BackfillChunkWriter.Chunk chunk = this.chunks.write(synced, lastId, done, total, skipped);
			if (chunk.read() == 0) {
				break;
			}
			lastId = chunk.lastId();
			done += chunk.queued();
			skipped += chunk.skipped();
			queued += chunk.queued();
			BackfillProgress now = new BackfillProgress(synced.name(), type, BackfillProgress.RUNNING, done, total,
					skipped);
			publish(now);
			this.chunkListener.accept(now);
			logger.info("Paid backfill " + synced.name() + ": " + done + "/" + total + " queued"
					+ ((skipped > 0) ? ", " + skipped + " skipped" : "") + " (chunk of " + chunk.read() + " in "
					+ Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: read "
					+ Duration.ofNanos(chunk.readNanos()).toMillis() + " ms, mapped "
					+ Duration.ofNanos(chunk.mapNanos()).toMillis() + " ms)");
			if (chunk.read() < this.chunkSize) {
				break;
			}
		}
		if (!this.stopRequested) {
			String finalLastId = lastId;
			BackfillProgress finished = new BackfillProgress(synced.name(), type, BackfillProgress.DONE, done, total,
					skipped);
			this.transaction.executeWithoutResult((status) -> this.store.store(finished, finalLastId));
			publish(finished);
			logger.info("Paid backfill of " + synced.name() + " done: " + done + " queued"
					+ ((skipped > 0) ? ", " + skipped + " skipped" : ""));
		}
		return queued;
	}

	/** Customers, then contacts, then orders; the type of a mapper-mapped class comes from one of its entities. */
	private List<SyncedClass> ordered(List<SyncedClass> targets) {
		List<SyncedClass> resolved = new ArrayList<>();
		for (SyncedClass synced : targets) {
			if (synced.type() != null) {
				resolved.add(synced);
				continue;
			}
			PaidEntityType type = this.transaction.execute((status) -> {
				List<?> first = this.pager.page(synced, null, 1);
				return first.isEmpty() ? null : this.mappings.snapshot(first.get(0)).type();
			});
			if (type != null) {
				resolved.add(synced.withType(type));
			}
		}
		resolved.sort(Comparator.comparing((SyncedClass synced) -> synced.type().ordinal())
			.thenComparing(SyncedClass::name));
		return resolved;
	}

	private SyncedClass find(Class<?> entityType) {
		for (SyncedClass synced : this.classes) {
			if (synced.javaType().equals(entityType)) {
				return synced;
			}
		}
		throw new IllegalArgumentException(entityType.getName() + " is not a synced entity; synced: " + entityNames());
	}

	private SyncedClass find(String entityName) {
		for (SyncedClass synced : this.classes) {
			if (synced.name().equals(entityName) || synced.javaType().getSimpleName().equals(entityName)
					|| synced.javaType().getName().equals(entityName)) {
				return synced;
			}
		}
		throw new IllegalArgumentException("'" + entityName + "' is not a synced entity; synced: " + entityNames());
	}

	private void publish(BackfillProgress progress) {
		this.progress.put(progress.entity(), progress);
	}

	private void loadProgress() {
		try {
			this.store.findAll().forEach(this::publish);
			this.progressLoaded = true;
		}
		catch (RuntimeException ex) {
			logger.debug("Paid backfill progress could not be read; is the paid_sync_backfill table missing?", ex);
		}
	}

	private @Nullable BackfillProgress loadProgress(String entityName) {
		loadProgress();
		return this.progress.get(entityName);
	}

}
