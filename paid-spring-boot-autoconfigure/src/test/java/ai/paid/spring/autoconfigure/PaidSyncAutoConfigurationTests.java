package ai.paid.spring.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.WebClientPaidClient;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.PaidSyncOperations;
import ai.paid.spring.sync.delivery.OutboxPaidSync;
import ai.paid.spring.sync.delivery.SyncSchemaInitializer;
import ai.paid.spring.sync.delivery.SyncSchemaValidator;
import ai.paid.spring.sync.jpa.EntityMappings;
import ai.paid.spring.sync.jpa.PaidEntityCapture;
import ai.paid.spring.sync.jpa.PaidSyncIntegrator;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

@ExtendWith(OutputCaptureExtension.class)
class PaidSyncAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, PaidSyncAutoConfiguration.class))
		.withBean(PaidOutbox.class, () -> (OutboxMessage message) -> {
		})
		.withBean(PaidClient.class,
				() -> WebClientPaidClient.builder().baseUrl("http://localhost:9").apiKey("test-key").build());

	@Test
	void providesThePaidSyncApiAndOneDeliveryHandlerPerEntityType() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(OutboxPaidSync.class);
			assertThat(context.getBeansOfType(OutboxDeliveryHandler.class).values())
				.extracting(OutboxDeliveryHandler::entityType)
				.containsExactlyInAnyOrder("CUSTOMER", "CONTACT", "ORDER", "USER");
		});
	}

	@Test
	void createsTheSyncTablesOnAnEmbeddedDatabase() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SyncSchemaInitializer.class).hasSingleBean(SyncSchemaValidator.class);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForList("SELECT entity_id FROM paid_sync_link")).isEmpty();
			assertThat(jdbc.queryForList("SELECT entity_name FROM paid_sync_backfill")).isEmpty();
		});
	}

	@Test
	void startupNamesTheSyncScriptWhenTheLinkTableIsMissing() {
		this.runner.withPropertyValues("paid.outbox.initialize-schema=never").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("paid_sync_link")
				.hasMessageContaining("classpath:ai/paid/spring/sync/schema-h2.sql")
				.hasMessageContaining("paid.outbox.initialize-schema=always");
		});
	}

	@Test
	void deprecatedCustomerWaitAttemptsIsIgnoredWithAWarning(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context).hasSingleBean(PaidSyncProperties.class));
		assertThat(output).doesNotContain("customer-wait-attempts");
		this.runner.withPropertyValues("paid.sync.customer-wait-attempts=3").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(OutboxDeliveryHandler.class)).hasSize(4);
		});
		assertThat(output).contains("WARN")
			.contains("paid.sync.customer-wait-attempts is deprecated and ignored");
	}

	@Test
	void backsOffFromAnApplicationsOwnPaidSync() {
		this.runner.withBean("myPaidSync", PaidSyncOperations.class, () -> mock(PaidSyncOperations.class))
			.run((context) -> assertThat(context).hasSingleBean(PaidSyncOperations.class).doesNotHaveBean(OutboxPaidSync.class));
	}

	@Test
	void applicationHandlerNamedLikeOneOfOursReplacesIt() {
		OutboxDeliveryHandler own = mock(OutboxDeliveryHandler.class);
		org.mockito.BDDMockito.given(own.entityType()).willReturn("ORDER");
		this.runner.withBean("paidOrderDeliveryHandler", OutboxDeliveryHandler.class, () -> own)
			.run((context) -> assertThat(context.getBeansOfType(OutboxDeliveryHandler.class).values())
				.extracting(OutboxDeliveryHandler::entityType)
				.containsExactlyInAnyOrder("CUSTOMER", "CONTACT", "ORDER", "USER")
				.hasSize(4));
	}

	@Test
	void syncDisabledCreatesNothing() {
		this.runner.withPropertyValues("paid.sync.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PaidSyncOperations.class);
			assertThat(context).doesNotHaveBean(OutboxDeliveryHandler.class);
			assertThat(context).doesNotHaveBean(HibernatePropertiesCustomizer.class);
		});
	}

	@Test
	void starterDisabledCreatesNothing() {
		this.runner.withPropertyValues("paid.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PaidSyncOperations.class)
				.doesNotHaveBean(OutboxDeliveryHandler.class));
	}

	@Test
	void withoutJpaThereIsNoEntityCapture() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(PaidEntityCapture.class));
	}

	@Test
	void hibernateIntegratorIsAddedNextToOneTheApplicationConfigured() {
		this.runner.withBean(EntityManagerFactory.class, () -> mock(EntityManagerFactory.class))
			.withBean(EntityMappings.class, () -> mock(EntityMappings.class))
			.withBean(PaidEntityCapture.class, () -> mock(PaidEntityCapture.class))
			.run((context) -> {
			Integrator own = new Integrator() {
			};
			Map<String, Object> properties = new HashMap<>();
			properties.put("hibernate.integrator_provider", (IntegratorProvider) () -> List.of(own));
			context.getBean(HibernatePropertiesCustomizer.class).customize(properties);
			List<Integrator> integrators = ((IntegratorProvider) properties.get("hibernate.integrator_provider"))
				.getIntegrators();
			assertThat(integrators).hasSize(2).startsWith(own);
			assertThat(integrators.get(1)).isInstanceOf(PaidSyncIntegrator.class);
		});
	}

	@Test
	void withoutAnOutboxHibernateGetsNoCaptureListeners() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, PaidSyncAutoConfiguration.class))
			.withBean(EntityManagerFactory.class, () -> mock(EntityManagerFactory.class))
			.withBean(PaidClient.class,
					() -> WebClientPaidClient.builder().baseUrl("http://localhost:9").apiKey("test-key").build())
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PaidEntityCapture.class)
				.doesNotHaveBean(HibernatePropertiesCustomizer.class));
	}

}
