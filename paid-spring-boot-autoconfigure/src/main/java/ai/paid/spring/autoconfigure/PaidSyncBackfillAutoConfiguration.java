package ai.paid.spring.autoconfigure;

import javax.sql.DataSource;

import ai.paid.spring.actuate.BackfillMetrics;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.jpa.EntityMappings;
import ai.paid.spring.sync.jpa.PaidEntityCapture;
import ai.paid.spring.sync.jpa.PaidSyncBackfill;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Auto-configuration of the {@link PaidSyncBackfill} (initial sync of the entities that existed before the starter),
 * its progress meters, and the optional backfill after startup ({@code paid.sync.backfill-on-startup}).
 */
@AutoConfiguration(after = PaidSyncAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = { "paid.enabled", "paid.sync.enabled" }, matchIfMissing = true)
@ConditionalOnClass({ EntityManagerFactory.class, JdbcTemplate.class })
@EnableConfigurationProperties(PaidSyncProperties.class)
public final class PaidSyncBackfillAutoConfiguration {

	@Bean(destroyMethod = "stop")
	@ConditionalOnMissingBean
	@ConditionalOnBean({ PaidOutbox.class, PaidEntityCapture.class, EntityMappings.class })
	@ConditionalOnSingleCandidate(EntityManagerFactory.class)
	PaidSyncBackfill paidSyncBackfill(EntityManagerFactory entityManagerFactory, EntityMappings mappings,
			PaidOutbox outbox, DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager,
			PaidSyncProperties properties) {
		// with several transaction managers, chunks run in one of the persistence unit's own
		PlatformTransactionManager chunks = transactionManager
			.getIfUnique(() -> new JpaTransactionManager(entityManagerFactory));
		return new PaidSyncBackfill(entityManagerFactory, mappings, outbox, dataSource, chunks,
				properties.backfill().chunkSize());
	}

	@Bean
	@ConditionalOnBean(PaidSyncBackfill.class)
	@ConditionalOnBooleanProperty("paid.sync.backfill-on-startup")
	ApplicationListener<ApplicationReadyEvent> paidSyncBackfillOnStartup(PaidSyncBackfill backfill) {
		return (event) -> backfill.start(null);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static final class MetricsConfiguration {

		// no @ConditionalOnBean: member classes are processed before the backfill bean above is registered; the
		// meters look the backfill up once every singleton exists
		@Bean
		@ConditionalOnMissingBean
		static BackfillMetrics paidSyncBackfillMetrics(ObjectProvider<MeterRegistry> registries,
				ObjectProvider<PaidSyncBackfill> backfill) {
			return new BackfillMetrics(registries, backfill);
		}

	}

}
