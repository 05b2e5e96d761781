package ai.paid.spring.sync.jpa;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import javax.sql.DataSource;

import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.BackfillProgress;
import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidMapper;
import ai.paid.spring.sync.PaidSyncDataException;
import ai.paid.spring.sync.delivery.SyncMessages;
import ai.paid.spring.sync.delivery.SyncPayloadCodec;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 * Live changes keep priority: the lanes a backfill chunk makes pending are ordered after lanes made pending by the
 * application for a day ({@code paid_sync_lane.pending_since} is set that far ahead), so the dispatcher claims live
 * lanes first whenever both are waiting.
 */
public final class PaidSyncBackfill {

	private static final Log logger = LogFactory.getLog(PaidSyncBackfill.class);

	/** How far behind live lanes the lanes made pending by a backfill are claimed. */
	static final Duration LIVE_FIRST = Duration.ofDays(1);

	private final EntityManagerFactory entityManagerFactory;

	private final PersistenceUnitUtil persistenceUnitUtil;

	private final EntityMappings mappings;

	private final SyncMessages messages;

	private final PaidOutbox outbox;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final int chunkSize;

	private final List<SyncedClass> classes;

	private final Map<String, BackfillProgress> progress = new java.util.concurrent.ConcurrentHashMap<>();

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile boolean progressLoaded;

	private volatile boolean stopRequested;

	private volatile Consumer<BackfillProgress> chunkListener = (progress) -> {
	};

	/**
	 * Create a backfill.
	 * @param entityManagerFactory the persistence unit holding the synced entities
	 * @param mappers the application's {@link PaidMapper} beans
	 * @param zone zone for date values without one, as for live capture
	 * @param outbox where entities are queued
	 * @param dataSource the application's data source (the outbox tables)
	 * @param transactionManager the application's transaction manager, one transaction per chunk
	 * @param chunkSize entities per chunk and transaction
	 */
	public PaidSyncBackfill(EntityManagerFactory entityManagerFactory, Collection<? extends PaidMapper<?>> mappers,
			ZoneId zone, PaidOutbox outbox, DataSource dataSource, PlatformTransactionManager transactionManager,
			int chunkSize) {
		Assert.isTrue(chunkSize > 0, "'chunkSize' must be positive");
		SyncPayloadCodec codec = new SyncPayloadCodec();
		this.entityManagerFactory = entityManagerFactory;
		this.persistenceUnitUtil = entityManagerFactory.getPersistenceUnitUtil();
		this.mappings = new EntityMappingFactory(entityManagerFactory.getMetamodel(), this.persistenceUnitUtil,
				mappers, zone, codec)
			.build();
		this.messages = new SyncMessages(codec);
		this.outbox = outbox;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(transactionManager);
		this.chunkSize = chunkSize;
		this.classes = syncedClasses(entityManagerFactory, this.mappings);
	}

	private static List<SyncedClass> syncedClasses(EntityManagerFactory entityManagerFactory, EntityMappings mappings) {
		List<SyncedClass> classes = new ArrayList<>();
		for (EntityType<?> entity : entityManagerFactory.getMetamodel().getEntities()) {
			EntityMapping mapping = mappings.find(entity.getJavaType());
			if (mapping == null) {
				continue;
			}
			SingularAttribute<?, ?> id = null;
			if (entity.hasSingleIdAttribute()) {
				for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
					if (attribute.isId()) {
						id = attribute;
					}
				}
			}
			if (id == null || !Comparable.class.isAssignableFrom(wrap(id.getJavaType()))) {
				logger.warn("Paid backfill cannot page through " + entity.getName()
						+ ": it needs a single, comparable @Id; its entities are not backfilled");
				continue;
			}
			PaidEntityType type = (mapping instanceof AnnotatedEntityMapping annotated) ? annotated.type() : null;
			// to-one relations (the customer, a billing contact) come with the page instead of one query each
			StringBuilder fetches = new StringBuilder();
			for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
				if (attribute.isAssociation()) {
					fetches.append(" left join fetch e.").append(attribute.getName());
				}
			}
			classes.add(new SyncedClass(entity.getName(), entity.getJavaType(), id.getName(), wrap(id.getJavaType()),
					fetches.toString(), type));
		}
		classes.sort(Comparator.comparing(SyncedClass::name));
		return List.copyOf(classes);
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
		for (SyncedClass synced : ordered(this.classes)) {
			if (synced.type() != type) {
				continue;
			}
			Boolean found = this.transaction.execute((status) -> {
				Object id = parseId(externalId, synced.idType());
				Object entity = (id != null) ? entityManager().find(synced.javaType(), id) : null;
				if (entity != null && externalId.equals(this.mappings.externalIdOf(entity))) {
					this.outbox.enqueue(message(entity, this.mappings.snapshot(entity)));
					return true;
				}
				return false;
			});
			if (Boolean.TRUE.equals(found) || scan(synced, (entity, data) -> externalId.equals(data.externalId()),
					true) > 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Queues a fresh snapshot of one customer and of all its contacts and orders, in that order. Contacts and orders
	 * are found by paging through their tables.
	 * @param customerExternalId the customer's external id
	 * @return the number of entities queued
	 */
	public long backfillCustomer(String customerExternalId) {
		Assert.hasText(customerExternalId, "'customerExternalId' must not be empty");
		long queued = resync(PaidEntityType.CUSTOMER, customerExternalId) ? 1 : 0;
		for (SyncedClass synced : ordered(this.classes)) {
			if (synced.type() != null && synced.type() != PaidEntityType.CUSTOMER) {
				queued += scan(synced, (entity, data) -> customerExternalId.equals(data.customerExternalId()), false);
			}
		}
		return queued;
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
			requireProgressTable();
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
		Long counted = this.transaction.execute((status) -> entityManager()
			.createQuery("select count(e) from " + synced.name() + " e", Long.class)
			.getSingleResult());
		long total = (counted != null) ? counted : 0;
		String lastId = null;
		long done = 0;
		long skipped = 0;
		if (stored != null && BackfillProgress.RUNNING.equals(stored.state())) {
			lastId = storedLastId(synced.name());
			done = stored.done();
			skipped = stored.skipped();
			logger.info("Paid backfill of " + synced.name() + " continues after " + done + " entities queued before");
		}
		PaidEntityType type = synced.type();
		publish(new BackfillProgress(synced.name(), type, BackfillProgress.RUNNING, done, total, skipped));
		long queued = 0;
		while (!this.stopRequested) {
			long start = System.nanoTime();
			Chunk chunk = queueChunk(synced, lastId, done, total, skipped);
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
			long finalDone = done;
			long finalSkipped = skipped;
			String finalLastId = lastId;
			this.transaction.executeWithoutResult((status) -> store(synced, finalLastId, finalDone, total,
					finalSkipped, BackfillProgress.DONE));
			publish(new BackfillProgress(synced.name(), type, BackfillProgress.DONE, done, total, skipped));
			logger.info("Paid backfill of " + synced.name() + " done: " + done + " queued"
					+ ((skipped > 0) ? ", " + skipped + " skipped" : ""));
		}
		return queued;
	}

	private Chunk queueChunk(SyncedClass synced, @Nullable String lastId, long done, long total, long skipped) {
		Chunk chunk = this.transaction.execute((status) -> {
			Timestamp since = this.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP(6)", Timestamp.class);
			long readStart = System.nanoTime();
			EntityManager entityManager = entityManager();
			List<?> entities = page(entityManager, synced, lastId, this.chunkSize);
			long mapStart = System.nanoTime();
			Set<String> lanes = new LinkedHashSet<>();
			long queued = 0;
			long failed = 0;
			String last = lastId;
			for (Object entity : entities) {
				last = String.valueOf(this.persistenceUnitUtil.getIdentifier(entity));
				try {
					OutboxMessage message = message(entity, this.mappings.snapshot(entity));
					this.outbox.enqueue(message);
					lanes.add(message.lane());
					queued++;
				}
				catch (PaidSyncDataException ex) {
					failed++;
					logger.warn("Paid backfill skipped " + synced.name() + " " + last + ": " + ex.getMessage());
				}
			}
			entityManager.clear();
			if (!entities.isEmpty()) {
				store(synced, last, done + queued, total, skipped + failed, BackfillProgress.RUNNING);
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

	/**
	 * Pages through one class in chunks, each in its own transaction, queueing the entities that match.
	 * @return the number queued
	 */
	private long scan(SyncedClass synced, BiPredicate<Object, PaidEntityData> match, boolean firstOnly) {
		String lastId = null;
		long queued = 0;
		while (true) {
			String from = lastId;
			long[] found = new long[1];
			String last = this.transaction.execute((status) -> {
				EntityManager entityManager = entityManager();
				List<?> entities = page(entityManager, synced, from, this.chunkSize);
				String seen = null;
				for (Object entity : entities) {
					seen = String.valueOf(this.persistenceUnitUtil.getIdentifier(entity));
					PaidEntityData data;
					try {
						data = this.mappings.snapshot(entity);
					}
					catch (PaidSyncDataException ex) {
						continue;
					}
					if (match.test(entity, data)) {
						this.outbox.enqueue(message(entity, data));
						found[0]++;
						if (firstOnly) {
							break;
						}
					}
				}
				entityManager.clear();
				return (entities.size() < this.chunkSize) ? null : seen;
			});
			queued += found[0];
			if (last == null || (firstOnly && found[0] > 0)) {
				return queued;
			}
			lastId = last;
		}
	}

	/** The same message live capture queues for the entity. */
	private OutboxMessage message(Object entity, PaidEntityData data) {
		return this.messages.upsert(data, this.mappings.clearedFields(entity));
	}

	private List<?> page(EntityManager entityManager, SyncedClass synced, @Nullable String lastId, int size) {
		String id = "e." + synced.idAttribute();
		TypedQuery<?> query = entityManager
			.createQuery("select e from " + synced.name() + " e" + synced.fetches()
					+ ((lastId != null) ? " where " + id + " > :last" : "")
					+ " order by " + id, synced.javaType())
			.setMaxResults(size)
			.setHint("org.hibernate.readOnly", true);
		if (lastId != null) {
			Object last = parseId(lastId, synced.idType());
			Assert.state(last != null, () -> "Stored backfill position '" + lastId + "' is not a " + synced.idType());
			query.setParameter("last", last);
		}
		return query.getResultList();
	}

	private EntityManager entityManager() {
		return EntityManagerFactoryUtils.getTransactionalEntityManager(this.entityManagerFactory);
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
				List<?> first = page(entityManager(), synced, null, 1);
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

	private void requireProgressTable() {
		try {
			this.jdbc.queryForList("SELECT entity_name FROM paid_sync_backfill WHERE 1 = 0", String.class);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Paid backfill stores its progress in table paid_sync_backfill, which "
					+ "could not be read; create it from the starter's schema script "
					+ "(ai/paid/spring/outbox/schema-<database>.sql) or set paid.outbox.initialize-schema=always", ex);
		}
	}

	private void publish(BackfillProgress progress) {
		this.progress.put(progress.entity(), progress);
	}

	private void loadProgress() {
		try {
			this.jdbc.query("SELECT entity_name, paid_type, state, done_count, total_count, skipped_count "
					+ "FROM paid_sync_backfill", (rs) -> {
						String type = rs.getString(2);
						boolean known = type != null && !type.isEmpty();
						publish(new BackfillProgress(rs.getString(1), known ? PaidEntityType.valueOf(type) : null,
								rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
					});
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

	private @Nullable String storedLastId(String entityName) {
		List<String> ids = this.jdbc.queryForList("SELECT last_id FROM paid_sync_backfill WHERE entity_name = ?",
				String.class, entityName);
		return ids.isEmpty() ? null : ids.get(0);
	}

	private void store(SyncedClass synced, @Nullable String lastId, long done, long total, long skipped,
			String state) {
		String type = (synced.type() != null) ? synced.type().name() : "";
		int updated = this.jdbc.update(
				"UPDATE paid_sync_backfill SET paid_type = ?, state = ?, last_id = ?, done_count = ?, total_count = ?, "
						+ "skipped_count = ?, updated_at = CURRENT_TIMESTAMP WHERE entity_name = ?",
				type, state, lastId, done, total, skipped, synced.name());
		if (updated == 0) {
			this.jdbc.update("INSERT INTO paid_sync_backfill (entity_name, paid_type, state, last_id, done_count, "
					+ "total_count, skipped_count, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
					synced.name(), type, state, lastId, done, total, skipped);
		}
	}

	private static @Nullable Object parseId(String value, Class<?> idType) {
		try {
			if (idType == String.class) {
				return value;
			}
			if (idType == Long.class) {
				return Long.valueOf(value);
			}
			if (idType == Integer.class) {
				return Integer.valueOf(value);
			}
			if (idType == Short.class) {
				return Short.valueOf(value);
			}
			if (idType == UUID.class) {
				return UUID.fromString(value);
			}
			if (idType == BigInteger.class) {
				return new BigInteger(value);
			}
			if (idType == BigDecimal.class) {
				return new BigDecimal(value);
			}
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return null;
	}

	private static Class<?> wrap(Class<?> type) {
		if (!type.isPrimitive()) {
			return type;
		}
		Map<Class<?>, Class<?>> boxes = new LinkedHashMap<>();
		boxes.put(long.class, Long.class);
		boxes.put(int.class, Integer.class);
		boxes.put(short.class, Short.class);
		return boxes.getOrDefault(type, type);
	}

	/** A synced entity class and how to page through it. */
	private record SyncedClass(String name, Class<?> javaType, String idAttribute, Class<?> idType, String fetches,
			@Nullable PaidEntityType type) {

		SyncedClass withType(PaidEntityType type) {
			return new SyncedClass(this.name, this.javaType, this.idAttribute, this.idType, this.fetches, type);
		}

	}

	private record Chunk(int read, long queued, long skipped, @Nullable String lastId, long readNanos,
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
			PaidSyncBackfill.this.jdbc.batchUpdate(
					"UPDATE paid_sync_lane SET pending_since = ? WHERE lane_key = ? AND pending_since >= ?",
					this.lanes, 500, (ps, lane) -> {
						ps.setTimestamp(1, later);
						ps.setString(2, lane);
						ps.setTimestamp(3, this.since);
					});
		}

	}

}
