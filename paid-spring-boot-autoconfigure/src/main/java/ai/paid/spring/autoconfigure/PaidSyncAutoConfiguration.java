package ai.paid.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.outbox.OutboxQueries;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.signal.SignalCustomerReadiness;
import ai.paid.spring.sync.PaidMapper;
import ai.paid.spring.sync.PaidSyncOperations;
import ai.paid.spring.sync.delivery.ContactDeliveryHandler;
import ai.paid.spring.sync.delivery.CustomerDeliveryHandler;
import ai.paid.spring.sync.delivery.OrderDeliveryHandler;
import ai.paid.spring.sync.delivery.UserDeliveryHandler;
import ai.paid.spring.sync.delivery.OutboxPaidSync;
import ai.paid.spring.sync.delivery.PaidSyncLinkQueries;
import ai.paid.spring.sync.delivery.SyncSchemaInitializer;
import ai.paid.spring.sync.delivery.SyncSchemaValidator;
import ai.paid.spring.sync.jpa.EntityMappings;
import ai.paid.spring.sync.jpa.PaidEntityCapture;
import ai.paid.spring.sync.jpa.PaidSyncIntegrator;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of entity sync: the programmatic {@link PaidSyncOperations} API, capture of {@code @PaidSync} JPA entities
 * through Hibernate's event system (registered with an {@link Integrator}, like Envers), and the delivery handlers that
 * apply queued changes to Paid. To deliver one entity type yourself, declare an {@code OutboxDeliveryHandler} bean
 * named {@code paidCustomerDeliveryHandler}, {@code paidContactDeliveryHandler}, {@code paidOrderDeliveryHandler} or
 * {@code paidUserDeliveryHandler}.
 */
@AutoConfiguration(after = PaidClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"ai.paid.spring.autoconfigure.PaidOutboxAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "paid.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "paid.sync.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PaidSyncProperties.class)
public final class PaidSyncAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PaidSyncOperations.class)
	@ConditionalOnBean(PaidOutbox.class)
	OutboxPaidSync paidSync(PaidOutbox outbox) {
		return new OutboxPaidSync(outbox);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcTemplate.class)
	@ConditionalOnBean(PaidClient.class)
	@ConditionalOnSingleCandidate(DataSource.class)
	static class DeliveryConfiguration {

		private static final Log logger = LogFactory.getLog(DeliveryConfiguration.class);

		@SuppressWarnings("removal")
		DeliveryConfiguration(PaidSyncProperties properties) {
			if (properties.customerWaitAttempts() != null) {
				logger.warn("paid.sync.customer-wait-attempts is deprecated and ignored: a contact or order whose "
						+ "customer Paid does not have waits while that customer's change is pending in the outbox, "
						+ "and parks its lane at once otherwise; remove the property");
			}
		}

		@Bean
		@ConditionalOnMissingBean(value = CustomerDeliveryHandler.class, name = "paidCustomerDeliveryHandler")
		CustomerDeliveryHandler paidCustomerDeliveryHandler(PaidClient client, DataSource dataSource) {
			return new CustomerDeliveryHandler(client.withoutRetries(), new JdbcTemplate(dataSource));
		}

		@Bean
		@ConditionalOnMissingBean(value = ContactDeliveryHandler.class, name = "paidContactDeliveryHandler")
		ContactDeliveryHandler paidContactDeliveryHandler(PaidClient client, DataSource dataSource) {
			return new ContactDeliveryHandler(client.withoutRetries(), new JdbcTemplate(dataSource));
		}

		@Bean
		@ConditionalOnMissingBean(value = OrderDeliveryHandler.class, name = "paidOrderDeliveryHandler")
		OrderDeliveryHandler paidOrderDeliveryHandler(PaidClient client, DataSource dataSource,
				PaidSyncProperties properties) {
			return new OrderDeliveryHandler(client.withoutRetries(), new JdbcTemplate(dataSource),
					properties.productIdCacheTtl());
		}

		@Bean
		@ConditionalOnMissingBean(value = UserDeliveryHandler.class, name = "paidUserDeliveryHandler")
		UserDeliveryHandler paidUserDeliveryHandler(PaidClient client, DataSource dataSource) {
			return new UserDeliveryHandler(client.withoutRetries(), new JdbcTemplate(dataSource));
		}

	}

	// The sync's tables follow the outbox's schema switches: one setting for every table the starter owns.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcTemplate.class)
	@ConditionalOnBean(PaidOutbox.class)
	@ConditionalOnSingleCandidate(DataSource.class)
	static class TablesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PaidSyncLinkQueries paidSyncLinkQueries(DataSource dataSource) {
			return new PaidSyncLinkQueries(dataSource);
		}

		// a transactional signal waits for its customer while the customer's change is still queued
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(OutboxQueries.class)
		SignalCustomerReadiness paidSignalCustomerReadiness(PaidSyncLinkQueries links, OutboxQueries outbox) {
			return new SyncedSignalCustomerReadiness(links, outbox);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "paid.outbox.validate-schema", matchIfMissing = true)
		SyncSchemaValidator paidSyncSchemaValidator(DataSource dataSource) {
			return new SyncSchemaValidator(dataSource);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnClass(DataSourceScriptDatabaseInitializer.class)
		SyncSchemaInitializer paidSyncSchemaInitializer(DataSource dataSource, Environment environment) {
			DatabaseInitializationMode mode = Binder.get(environment)
				.bind("paid.outbox.initialize-schema", DatabaseInitializationMode.class)
				.orElse(DatabaseInitializationMode.EMBEDDED);
			return new SyncSchemaInitializer(dataSource, mode);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ EntityManagerFactory.class, Integrator.class, HibernatePropertiesCustomizer.class })
	static class HibernateCaptureConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean({ EntityManagerFactory.class, PaidOutbox.class })
		@ConditionalOnSingleCandidate(EntityManagerFactory.class)
		EntityMappings paidEntityMappings(EntityManagerFactory entityManagerFactory,
				ObjectProvider<PaidMapper<?>> mappers, PaidSyncProperties properties) {
			return EntityMappings.build(entityManagerFactory, mappers.orderedStream().toList(),
					properties.dateZone());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean({ EntityManagerFactory.class, PaidOutbox.class, EntityMappings.class })
		PaidEntityCapture paidEntityCapture(EntityManagerFactory entityManagerFactory, EntityMappings mappings,
				PaidOutbox outbox) {
			return new PaidEntityCapture(entityManagerFactory, mappings, outbox);
		}

		// Without an outbox there is no capture to hand changes to, so Hibernate must not get the listeners either.
		@Bean
		@ConditionalOnBean({ EntityManagerFactory.class, PaidOutbox.class })
		HibernatePropertiesCustomizer paidSyncHibernatePropertiesCustomizer(ObjectProvider<PaidEntityCapture> capture) {
			return (properties) -> registerIntegrator(properties, new PaidSyncIntegrator(capture::getObject));
		}

		/** Adds the integrator, keeping an integrator provider the application configured itself. */
		private static void registerIntegrator(Map<String, Object> properties, Integrator integrator) {
			Object existing = properties.get("hibernate.integrator_provider");
			IntegratorProvider previous = null;
			if (existing instanceof IntegratorProvider provider) {
				previous = provider;
			}
			else if (existing instanceof String className && !className.isBlank()) {
				previous = (IntegratorProvider) BeanUtils
					.instantiateClass(ClassUtils.resolveClassName(className, integrator.getClass().getClassLoader()));
			}
			else if (existing instanceof Class<?> type) {
				previous = (IntegratorProvider) BeanUtils.instantiateClass(type);
			}
			IntegratorProvider kept = previous;
			properties.put("hibernate.integrator_provider", (IntegratorProvider) () -> {
				List<Integrator> integrators = new ArrayList<>();
				if (kept != null) {
					integrators.addAll(kept.getIntegrators());
				}
				integrators.add(integrator);
				return integrators;
			});
		}

	}

}
