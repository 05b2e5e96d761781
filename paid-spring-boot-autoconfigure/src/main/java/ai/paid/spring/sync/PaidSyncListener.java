package ai.paid.spring.sync;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
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
 * JPA entity listener for teams that prefer {@code @EntityListeners(PaidSyncListener.class)} to {@code @PaidSync}: the
 * listed entity is mapped as if annotated {@code @PaidSync} and its changes are queued for Paid. Where the starter's
 * Hibernate integration is active (the usual case with Spring Boot's JPA auto-configuration) it already sees these
 * changes and this listener steps aside, so nothing is queued twice. Otherwise (a persistence unit built by hand) it
 * feeds the capture itself; it then cannot tell which properties an update changed, so every update is sent.
 */
public class PaidSyncListener {

	private final @Nullable ObjectProvider<PaidEntityCapture> capture;

	/** Used when Hibernate creates the listener without Spring; the Hibernate integration does the work. */
	public PaidSyncListener() {
		this.capture = null;
	}

	@Autowired
	PaidSyncListener(ObjectProvider<PaidEntityCapture> capture) {
		this.capture = capture;
	}

	@PostPersist
	void inserted(Object entity) {
		SharedSessionContractImplementor session = session(entity);
		if (session != null) {
			EntityPersister persister = persister(session, entity);
			this.capture.getObject().inserted(session, persister, persister.getIdentifier(entity, session), entity);
		}
	}

	@PostUpdate
	void updated(Object entity) {
		SharedSessionContractImplementor session = session(entity);
		if (session != null) {
			EntityPersister persister = persister(session, entity);
			this.capture.getObject()
				.updated(session, persister, persister.getIdentifier(entity, session), entity, null);
		}
	}

	@PostRemove
	void deleted(Object entity) {
		SharedSessionContractImplementor session = session(entity);
		if (session != null) {
			EntityPersister persister = persister(session, entity);
			this.capture.getObject().deleted(session, persister, persister.getIdentifier(entity, session), entity);
		}
	}

	private static EntityPersister persister(SharedSessionContractImplementor session, Object entity) {
		return session.getFactory().getMappingMetamodel().getEntityDescriptor(Hibernate.getClass(entity));
	}

	/** The session of the current Spring-managed transaction, unless the Hibernate integration covers it. */
	private @Nullable SharedSessionContractImplementor session(Object entity) {
		if (this.capture == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
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
			if (listener instanceof PaidSyncEventListener) {
				return true;
			}
		}
		return false;
	}

}
