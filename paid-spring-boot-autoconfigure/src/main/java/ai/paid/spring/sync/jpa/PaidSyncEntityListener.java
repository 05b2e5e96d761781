package ai.paid.spring.sync.jpa;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * JPA entity listener for teams that prefer {@code @EntityListeners(PaidSyncEntityListener.class)} to {@code @PaidSync}: the
 * listed entity is mapped as if annotated {@code @PaidSync} and its changes are queued for Paid. Where the starter's
 * Hibernate integration is active (the usual case with Spring Boot's JPA auto-configuration) it already sees these
 * changes and this listener steps aside, so nothing is queued twice. Otherwise (a persistence unit built by hand) it
 * feeds the capture itself; it then cannot tell which properties an update changed, so every update is sent.
 */
public class PaidSyncEntityListener {

	private final @Nullable ObjectProvider<PaidEntityCapture> capture;

	/** Used when Hibernate creates the listener without Spring's bean container. */
	public PaidSyncEntityListener() {
		this.capture = null;
	}

	@Autowired
	PaidSyncEntityListener(ObjectProvider<PaidEntityCapture> capture) {
		this.capture = capture;
	}

	/**
	 * The entity entered the session: watch the transaction from now on, so its changes are flushed and queued in
	 * Spring's {@code beforeCommit}, while the outbox still takes them.
	 */
	@PrePersist
	@PreRemove
	@PostLoad
	void touched(Object entity) {
		SharedSessionContractImplementor session = session(entity);
		PaidEntityCapture capture = (session != null) ? capture(session) : null;
		if (capture != null) {
			capture.touched(session, entity);
		}
	}

	@PostPersist
	void inserted(Object entity) {
		SharedSessionContractImplementor session = session(entity);
		PaidEntityCapture capture = (session != null) ? capture(session) : null;
		if (capture != null) {
			EntityPersister persister = persister(session, entity);
			capture.inserted(session, persister, persister.getIdentifier(entity, session), entity);
		}
	}

	@PostUpdate
	void updated(Object entity) {
		SharedSessionContractImplementor session = session(entity);
		PaidEntityCapture capture = (session != null) ? capture(session) : null;
		if (capture != null) {
			EntityPersister persister = persister(session, entity);
			capture.updated(session, persister, persister.getIdentifier(entity, session), entity, null);
		}
	}

	@PostRemove
	void deleted(Object entity) {
		SharedSessionContractImplementor session = session(entity);
		PaidEntityCapture capture = (session != null) ? capture(session) : null;
		if (capture != null) {
			EntityPersister persister = persister(session, entity);
			capture.deleted(session, persister, persister.getIdentifier(entity, session), entity);
		}
	}

	private @Nullable PaidEntityCapture capture(SharedSessionContractImplementor session) {
		return (this.capture != null) ? this.capture.getIfAvailable() : PaidEntityCapture.of(session.getFactory());
	}

	private static EntityPersister persister(SharedSessionContractImplementor session, Object entity) {
		return session.getFactory().getMappingMetamodel().getEntityDescriptor(Hibernate.getClass(entity));
	}

	/** The session of the current Spring-managed transaction, unless the Hibernate integration covers it. */
	private @Nullable SharedSessionContractImplementor session(Object entity) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		for (Object resource : TransactionSynchronizationManager.getResourceMap().values()) {
			if (resource instanceof EntityManagerHolder holder && holder.getEntityManager() != null) {
				SharedSessionContractImplementor session = holder.getEntityManager()
					.unwrap(SharedSessionContractImplementor.class);
				if (session.getFactory().getMappingMetamodel().findEntityDescriptor(Hibernate.getClass(entity)) != null) {
					return integrated(session) ? null : session;
				}
			}
		}
		return null;
	}

	private static boolean integrated(SharedSessionContractImplementor session) {
		EventListenerRegistry registry = session.getFactory()
			.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		for (Object listener : registry.getEventListenerGroup(EventType.POST_INSERT).listeners()) {
			if (listener instanceof PaidSyncHibernateListener) {
				return true;
			}
		}
		return false;
	}

}
