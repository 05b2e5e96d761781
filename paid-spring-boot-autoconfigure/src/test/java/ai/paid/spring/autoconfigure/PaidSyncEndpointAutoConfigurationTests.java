package ai.paid.spring.autoconfigure;

import ai.paid.spring.actuate.PaidSyncEndpoint;
import ai.paid.spring.outbox.OutboxAdmin;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaidSyncEndpointAutoConfiguration}: the endpoint exists only where actuator would serve it.
 */
class PaidSyncEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, PaidOutboxAutoConfiguration.class,
				PaidSyncEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:paidsync-endpoint-autoconfig;DB_CLOSE_DELAY=-1",
				"paid.outbox.dispatcher-enabled=false", "paid.outbox.validate-schema=false");

	@Test
	void endpointIsCreatedWhenExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=paidsync")
			.run((context) -> assertThat(context).hasSingleBean(OutboxAdmin.class)
				.hasSingleBean(PaidSyncEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenNotExposed() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(OutboxAdmin.class)
			.doesNotHaveBean(PaidSyncEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenItsAccessIsNone() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=paidsync",
					"management.endpoint.paidsync.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(PaidSyncEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWhenPaidIsDisabled() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=paidsync", "paid.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PaidSyncEndpoint.class));
	}

	@Test
	void endpointIsNotCreatedWithoutTheOutbox() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=paidsync", "paid.outbox.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OutboxAdmin.class)
				.doesNotHaveBean(PaidSyncEndpoint.class));
	}

}
