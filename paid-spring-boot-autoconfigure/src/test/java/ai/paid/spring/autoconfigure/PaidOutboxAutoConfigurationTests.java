package ai.paid.spring.autoconfigure;

import javax.sql.DataSource;

import ai.paid.spring.actuate.PaidSyncHealthIndicator;
import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.OutboxDispatcher;
import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link PaidOutboxAutoConfiguration} on an embedded H2 database.
 */
class PaidOutboxAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
				PaidOutboxAutoConfiguration.class))
		.withPropertyValues(TestDatabases.h2().propertyValues());

	@Test
	void createsTheOutboxAndItsTablesOnAnEmbeddedDatabase() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PaidOutbox.class)
				.hasSingleBean(OutboxDispatcher.class)
				.hasSingleBean(OutboxAdmin.class)
				.hasBean("paidSyncHealthIndicator");
			assertThat(context.getBean(OutboxAdmin.class).backlog().pendingRows()).isZero();
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForList("SELECT lane_key FROM paid_sync_lane")).isEmpty();
		});
	}

	@Test
	void backsOffWhenPaidIsDisabled() {
		this.runner.withPropertyValues("paid.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PaidOutbox.class)
				.doesNotHaveBean(OutboxDispatcher.class));
	}

	@Test
	void backsOffWhenTheOutboxIsDisabled() {
		this.runner.withPropertyValues("paid.outbox.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PaidOutbox.class)
				.doesNotHaveBean(OutboxAdmin.class));
	}

	@Test
	void backsOffWithoutADataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PaidOutboxAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PaidOutbox.class));
	}

	@Test
	void writerOnlyInstancesHaveNoDispatcher() {
		this.runner.withPropertyValues("paid.outbox.dispatcher-enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(PaidOutbox.class)
				.doesNotHaveBean(OutboxDispatcher.class)
				.hasSingleBean(OutboxAdmin.class));
	}

	@Test
	void userDefinedOutboxWins() {
		PaidOutbox own = mock(PaidOutbox.class);
		this.runner.withBean(PaidOutbox.class, () -> own)
			.run((context) -> assertThat(context.getBean(PaidOutbox.class)).isSameAs(own));
	}

	@Test
	void missingTablesFailStartupSayingWhatToDo() {
		this.runner.withPropertyValues("paid.outbox.initialize-schema=never").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("paid_sync_outbox")
				.hasMessageContaining("classpath:ai/paid/spring/outbox/schema-h2.sql")
				.hasMessageContaining("paid.outbox.initialize-schema=always");
		});
	}

	@Test
	void enqueueOutsideATransactionFailsByDefault() {
		this.runner.run((context) -> assertThatIllegalStateException()
			.isThrownBy(() -> context.getBean(PaidOutbox.class).enqueue(message("c1")))
			.withMessageContaining("needs an active Spring transaction")
			.withMessageContaining("paid.outbox.transaction-required=false"));
	}

	@Test
	void enqueueOutsideATransactionRunsInItsOwnWhenAllowed() {
		this.runner.withPropertyValues("paid.outbox.transaction-required=false", "paid.outbox.dispatcher-enabled=false")
			.run((context) -> {
				context.getBean(PaidOutbox.class).enqueue(message("c1"));
				assertThat(context.getBean(OutboxAdmin.class).backlog().pendingRows()).isEqualTo(1);
			});
	}

	@Test
	void joinsAJpaTransaction() {
		this.runner.withConfiguration(AutoConfigurations.of(HibernateJpaAutoConfiguration.class))
			.withPropertyValues("paid.outbox.dispatcher-enabled=false")
			.run((context) -> {
				PlatformTransactionManager manager = context.getBean(PlatformTransactionManager.class);
				assertThat(manager).isInstanceOf(JpaTransactionManager.class);
				TransactionTemplate tx = new TransactionTemplate(manager);
				PaidOutbox outbox = context.getBean(PaidOutbox.class);
				tx.executeWithoutResult((status) -> {
					outbox.enqueue(message("rolled-back"));
					status.setRollbackOnly();
				});
				tx.executeWithoutResult((status) -> outbox.enqueue(message("committed")));
				assertThat(new JdbcTemplate(context.getBean(DataSource.class))
					.queryForList("SELECT entity_id FROM paid_sync_outbox", String.class)).containsExactly("committed");
			});
	}

	@Test
	void aRequiresNewTransactionKeepsItsOwnMessages() {
		this.runner.withPropertyValues("paid.outbox.dispatcher-enabled=false").run((context) -> {
			PlatformTransactionManager manager = context.getBean(PlatformTransactionManager.class);
			TransactionTemplate outer = new TransactionTemplate(manager);
			TransactionTemplate inner = new TransactionTemplate(manager);
			inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			outer.executeWithoutResult((status) -> {
				outbox.enqueue(message("outer"));
				inner.executeWithoutResult((innerStatus) -> outbox.enqueue(message("inner")));
				status.setRollbackOnly();
			});
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForList("SELECT entity_id FROM paid_sync_outbox", String.class)).containsExactly("inner");
		});
	}

	@Test
	void aMessageFirstEnqueuedDuringTheCommitIsWrittenRightAfterIt() {
		this.runner.withPropertyValues("paid.outbox.dispatcher-enabled=false").run((context) -> {
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(
					(status) -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

						@Override
						public void beforeCommit(boolean readOnly) {
							outbox.enqueue(message("late"));
						}

					}));
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForList("SELECT entity_id FROM paid_sync_outbox", String.class)).containsExactly("late");
		});
	}

	@Test
	void paidSyncHealthIsNotPartOfTheReadinessGroup() {
		this.runner
			.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
					HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
					AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.probes.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(PaidSyncHealthIndicator.class);
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness")).isNotNull();
				assertThat(groups.get("readiness").isMember("paidSync")).isFalse();
				assertThat(groups.getPrimary().isMember("paidSync")).isTrue();
			});
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.runner.withPropertyValues("management.health.paidSync.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("paidSyncHealthIndicator"));
	}

	@Test
	void healthIndicatorCanBeSwitchedOffWithTheCanonicalPropertyName() {
		this.runner.withPropertyValues("management.health.paidsync.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("paidSyncHealthIndicator"));
	}

	private static OutboxMessage message(String id) {
		return new OutboxMessage("cust:" + id, "CUSTOMER", id, OutboxOperation.UPSERT, "{}");
	}

}
