package ai.paid.spring.sync.jpa;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.PaidMapper;
import ai.paid.spring.sync.PaidSyncMappingException;
import ai.paid.spring.sync.delivery.SyncMessages;
import ai.paid.spring.sync.delivery.SyncPayloadCodec;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects inserts, updates and deletes of synced JPA entities per session and transaction, and queues their Paid
 * state in the outbox before the transaction commits. Validates every entity's Paid mapping when created, so a
 * mapping mistake fails the application start. Created by the auto-configuration; fed by {@link PaidSyncIntegrator}
 * (Hibernate events) and {@link PaidSyncEntityListener} (JPA callbacks).
 */
public final class PaidEntityCapture {

	private final EntityMappings mappings;

	private final SyncMessages messages;

	private final PaidOutbox outbox;

	private static final Map<SessionFactoryImplementor, PaidEntityCapture> CAPTURES = new ConcurrentHashMap<>();

	private final Map<SharedSessionContractImplementor, TransactionChanges> open = new ConcurrentHashMap<>();

	private final SessionFactoryImplementor sessionFactory;

	/**
	 * Create a capture.
	 * @param entityManagerFactory the persistence unit
	 * @param mappings the validated mappings of its synced entities
	 * @param outbox where changes are queued
	 */
	public PaidEntityCapture(EntityManagerFactory entityManagerFactory, EntityMappings mappings, PaidOutbox outbox) {
		this.mappings = mappings;
		this.messages = new SyncMessages(new SyncPayloadCodec());
		this.outbox = outbox;
		this.sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		CAPTURES.put(this.sessionFactory, this);
	}

	/** Stops serving {@link PaidSyncEntityListener} instances that Hibernate created without Spring. */
	public void close() {
		CAPTURES.remove(this.sessionFactory, this);
	}

	/**
	 * The capture of a session factory, for JPA listeners Hibernate instantiates itself (no bean container), which
	 * have no other way to reach it.
	 */
	static @Nullable PaidEntityCapture of(SessionFactoryImplementor sessionFactory) {
		return CAPTURES.get(sessionFactory);
	}

	EntityMappings mappings() {
		return this.mappings;
	}

	/** Whether changes of this entity class are mirrored into Paid. */
	public boolean isSynced(Class<?> entityClass) {
		return this.mappings.isSynced(entityClass);
	}

	/** A synced entity entered the session (loaded, persisted, merged, removed): watch its transaction. */
	void touched(SharedSessionContractImplementor session, Object entity) {
		if (session.isTransactionInProgress() && isSynced(Hibernate.getClass(entity))) {
			changes(session);
		}
	}

	void inserted(SharedSessionContractImplementor session, EntityPersister persister, Object id, Object entity) {
		if (isSynced(persister.getMappedClass())) {
			changes(session).inserted(key(persister, id), entity);
		}
	}

	void updated(SharedSessionContractImplementor session, EntityPersister persister, Object id, Object entity,
			int @Nullable [] dirty) {
		EntityMapping mapping = this.mappings.find(persister.getMappedClass());
		if (mapping == null) {
			return;
		}
		List<String> dirtyNames = null;
		if (dirty != null) {
			String[] names = persister.getPropertyNames();
			dirtyNames = Arrays.stream(dirty).mapToObj((index) -> names[index]).toList();
		}
		if (mapping.affectedBy(dirtyNames)) {
			changes(session).updated(key(persister, id), entity);
		}
	}

	void deleted(SharedSessionContractImplementor session, EntityPersister persister, Object id, Object entity) {
		if (isSynced(persister.getMappedClass())) {
			changes(session).deleted(key(persister, id), entity);
		}
	}

	private static TransactionChanges.EntityKey key(EntityPersister persister, Object id) {
		return new TransactionChanges.EntityKey(persister.getEntityName(), id);
	}

	private TransactionChanges changes(SharedSessionContractImplementor session) {
		return this.open.computeIfAbsent(session, (key) -> {
			TransactionChanges changes = new TransactionChanges(key, this.mappings, this.messages,
					this.outbox::enqueue, () -> this.open.remove(key));
			key.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) changes);
			key.getTransactionCompletionCallbacks().registerCallback((AfterCompletionCallback) changes);
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(changes);
			}
			return changes;
		});
	}

}
