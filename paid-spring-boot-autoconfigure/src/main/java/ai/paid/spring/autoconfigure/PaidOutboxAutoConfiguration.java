package ai.paid.spring.autoconfigure;

import java.util.Set;

import javax.sql.DataSource;

import ai.paid.spring.actuate.OutboxMetrics;
import ai.paid.spring.actuate.PaidSyncHealthIndicator;
import ai.paid.spring.outbox.JdbcPaidOutbox;
import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.OutboxQueries;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxDispatcher;
import ai.paid.spring.outbox.OutboxDispatcherSettings;
import ai.paid.spring.outbox.OutboxObserver;
import ai.paid.spring.outbox.OutboxSchemaInitializer;
import ai.paid.spring.outbox.OutboxSchemaValidator;
import ai.paid.spring.outbox.PaidOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Auto-configuration of the transactional outbox: the {@link PaidOutbox} enqueue API on the application's
 * {@link DataSource}, the {@link OutboxDispatcher} that delivers through the application's
 * {@link OutboxDeliveryHandler} beans, {@link OutboxAdmin} and {@link OutboxQueries}, schema initialization and
 * validation, meters and the {@code paidSync} health indicator.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, PlatformTransactionManager.class })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = { "paid.enabled", "paid.outbox.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties(PaidOutboxProperties.class)
public final class PaidOutboxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PaidOutbox.class)
	JdbcPaidOutbox paidOutbox(DataSource dataSource, PaidOutboxProperties properties,
			ObjectProvider<PlatformTransactionManager> transactionManager, ObjectProvider<OutboxObserver> observers,
			ObjectProvider<OutboxDispatcher> dispatcher) {
		TransactionTemplate ownTransaction = null;
		if (!properties.transactionRequired()) {
			ownTransaction = new TransactionTemplate(
					transactionManager.getIfUnique(() -> new DataSourceTransactionManager(dataSource)));
		}
		return new JdbcPaidOutbox(dataSource, ownTransaction, OutboxObserver.composite(observers.orderedStream().toList()),
				(Set<String> lanes) -> dispatcher.ifAvailable((local) -> local.accept(lanes)));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "paid.outbox.dispatcher-enabled", matchIfMissing = true)
	OutboxDispatcher paidOutboxDispatcher(DataSource dataSource, PaidOutboxProperties properties,
			ObjectProvider<OutboxDeliveryHandler> handlers, ObjectProvider<OutboxObserver> observers,
			ApplicationEventPublisher events) {
		OutboxDispatcherSettings settings = properties.toDispatcherSettings();
		return new OutboxDispatcher(dataSource, handlers.orderedStream().toList(), settings,
				OutboxObserver.composite(observers.orderedStream().toList()), events);
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxAdmin paidOutboxAdmin(DataSource dataSource, ObjectProvider<OutboxDispatcher> dispatcher) {
		return new OutboxAdmin(dataSource, dispatcher.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxQueries paidOutboxQueries(DataSource dataSource) {
		return new OutboxQueries(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "paid.outbox.validate-schema", matchIfMissing = true)
	OutboxSchemaValidator paidOutboxSchemaValidator(DataSource dataSource) {
		return new OutboxSchemaValidator(dataSource);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataSourceScriptDatabaseInitializer.class)
	static final class SchemaInitializationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutboxSchemaInitializer paidOutboxSchemaInitializer(DataSource dataSource, PaidOutboxProperties properties) {
			return new OutboxSchemaInitializer(dataSource, properties.initializeSchema());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static final class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		static OutboxMetrics paidOutboxMetrics(ObjectProvider<MeterRegistry> registries,
				ObjectProvider<OutboxAdmin> admin) {
			return new OutboxMetrics(registries, admin);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("paidsync")
	static final class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "paidSyncHealthIndicator")
		PaidSyncHealthIndicator paidSyncHealthIndicator(OutboxAdmin admin, PaidOutboxProperties properties) {
			return new PaidSyncHealthIndicator(admin, properties.healthBacklogAge());
		}

	}

}
