package ai.paid.spring.autoconfigure;

import java.util.UUID;

import ai.paid.spring.actuate.PaidWebhooksEndpoint;
import ai.paid.spring.webhook.PaidWebhookAdmin;
import ai.paid.spring.webhook.PaidWebhookDispatcher;
import ai.paid.spring.webhook.PaidWebhookReceiver;
import ai.paid.spring.webhook.WebhookRegistration;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaidWebhooksAutoConfiguration}: the receiver exists only with a signing secret, and registration
 * in Paid happens only when opted into, idempotently.
 */
class PaidWebhooksAutoConfigurationTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, PaidClientAutoConfiguration.class,
				PaidWebhooksAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:webhooks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"paid.api-key=test-key");

	@Test
	void nothingWithoutASigningSecret() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(PaidWebhookReceiver.class)
			.doesNotHaveBean(PaidWebhookDispatcher.class));
	}

	@Test
	void receiverDispatcherAndAdminWithASigningSecret() {
		this.runner.withPropertyValues("paid.webhooks.signing-secret=s3cret")
			.run((context) -> assertThat(context).hasSingleBean(PaidWebhookReceiver.class)
				.hasSingleBean(PaidWebhookDispatcher.class)
				.hasSingleBean(PaidWebhookAdmin.class)
				.doesNotHaveBean("paidWebhookRoute")
				.doesNotHaveBean(WebhookRegistration.class));
	}

	@Test
	void secretFromTheEnvironmentVariable() {
		this.runner.withPropertyValues("PAID_WEBHOOK_SECRET=s3cret")
			.run((context) -> assertThat(context).hasSingleBean(PaidWebhookReceiver.class));
	}

	@Test
	void switchedOffWithTheEnabledProperty() {
		this.runner.withPropertyValues("paid.webhooks.signing-secret=s3cret", "paid.webhooks.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PaidWebhookReceiver.class));
	}

	@Test
	void receiveOnlyInstanceHasNoDispatcher() {
		this.runner.withPropertyValues("paid.webhooks.signing-secret=s3cret", "paid.webhooks.dispatcher-enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(PaidWebhookReceiver.class)
				.doesNotHaveBean(PaidWebhookDispatcher.class));
	}

	@Test
	void routeOnServletApplications() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					PaidClientAutoConfiguration.class, PaidWebhooksAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:webhooks-" + UUID.randomUUID(),
					"paid.api-key=test-key", "paid.webhooks.signing-secret=s3cret")
			.run((context) -> assertThat(context).hasBean("paidWebhookRoute"));
	}

	@Test
	void pathMustStartWithSlash() {
		this.runner.withPropertyValues("paid.webhooks.signing-secret=s3cret", "paid.webhooks.path=hooks")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidPaidConfigurationException.class)
				.hasMessageContaining("paid.webhooks.path"));
	}

	@Test
	void invalidDispatcherSettingIsNamed() {
		this.runner.withPropertyValues("paid.webhooks.signing-secret=s3cret", "paid.webhooks.max-attempts=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("paid.webhooks.max-attempts"));
	}

	@Test
	void batchSizeBelowOneIsNamed() {
		this.runner.withPropertyValues("paid.webhooks.signing-secret=s3cret", "paid.webhooks.batch-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("paid.webhooks.batch-size must be 1 or more, not 0"));
	}

	@Test
	void propertiesNeverShowTheSecret() {
		this.runner.withPropertyValues("paid.webhooks.signing-secret=s3cret-value")
			.run((context) -> assertThat(context.getBean(PaidWebhooksProperties.class).toString())
				.doesNotContain("s3cret-value"));
	}

	@Test
	void endpointWhenExposed() {
		this.runner
			.withPropertyValues("paid.webhooks.signing-secret=s3cret",
					"management.endpoints.web.exposure.include=paidwebhooks")
			.run((context) -> assertThat(context).hasSingleBean(PaidWebhooksEndpoint.class));
	}

	@Test
	void registrationPointsTheEventsAtThePublicUrlOnceAndThenChangesNothing() {
		MockPaidServer server = paid.server();
		this.runner
			.withPropertyValues("paid.base-url=" + server.baseUrl(), "paid.webhooks.signing-secret=s3cret",
					"paid.webhooks.register.public-url=https://app.example.com/paid/webhooks",
					"paid.webhooks.register.events=billing-credits-depleted,billing-invoice-paid")
			.run((context) -> {
				WebhookRegistration registration = context.getBean(WebhookRegistration.class);
				assertThat(registration.register()).containsExactly("billing-credits-depleted",
						"billing-invoice-paid");
				assertThat(server.webhooks().list()).filteredOn((webhook) -> Boolean.TRUE.equals(webhook.get("enabled")))
					.extracting((webhook) -> webhook.get("name") + " " + webhook.get("url"))
					.containsExactlyInAnyOrder("billing-credits-depleted https://app.example.com/paid/webhooks",
							"billing-invoice-paid https://app.example.com/paid/webhooks");
				assertThat(server.requests("PATCH", "/webhooks")).hasSize(2);
				assertThat(registration.register()).isEmpty();
				assertThat(server.requests("PATCH", "/webhooks")).hasSize(2);
			});
	}

	@Test
	void registrationRejectsARelativeUrl() {
		this.runner
			.withPropertyValues("paid.base-url=" + paid.server().baseUrl(), "paid.webhooks.signing-secret=s3cret",
					"paid.webhooks.register.public-url=/paid/webhooks")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidPaidConfigurationException.class)
				.hasMessageContaining("paid.webhooks.register.public-url"));
	}

}
