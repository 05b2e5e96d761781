package ai.paid.spring.sync.jpa;

import java.util.function.Supplier;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;

/**
 * Registers the Paid capture listeners on a Hibernate session factory as it is built, the way Envers registers its
 * audit listeners. Contributed by the auto-configuration through {@code hibernate.integrator_provider}; the capture
 * itself is looked up lazily, when the first entity change happens.
 */
public final class PaidSyncIntegrator implements Integrator {

	private final Supplier<PaidEntityCapture> capture;

	/**
	 * @param capture supplies the capture bean (resolved at the first change, after the persistence unit is up)
	 */
	public PaidSyncIntegrator(Supplier<PaidEntityCapture> capture) {
		this.capture = capture;
	}

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		PaidSyncHibernateListener listener = new PaidSyncHibernateListener(this.capture);
		EventListenerRegistry registry = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
		registry.appendListeners(EventType.POST_INSERT, listener);
		registry.appendListeners(EventType.POST_UPDATE, listener);
		registry.appendListeners(EventType.POST_DELETE, listener);
		registry.appendListeners(EventType.POST_LOAD, listener);
		registry.appendListeners(EventType.PERSIST, listener);
		registry.appendListeners(EventType.MERGE, listener);
		registry.appendListeners(EventType.DELETE, listener);
	}

}
