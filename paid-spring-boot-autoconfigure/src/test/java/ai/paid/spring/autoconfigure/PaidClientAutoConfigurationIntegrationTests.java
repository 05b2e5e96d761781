package ai.paid.spring.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RecordedRequest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured {@link PaidClient} talks to the mock Paid server through Boot's {@code WebClient.Builder}.
 */
class PaidClientAutoConfigurationIntegrationTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				PaidClientAutoConfiguration.class));

	@Test
	void clientFromPropertiesReachesPaid() {
		MockPaidServer server = paid.server();
		Map<String, Object> seeded = server.seedCustomer("Acme", "acme-1");
		this.runner.withPropertyValues("paid.base-url=" + server.baseUrl(), "paid.api-key=" + server.apiKey())
			.withBean(ai.paid.spring.client.PaidWebClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-Test", "customized"))
			.run((context) -> {
				PaidClient client = context.getBean(PaidClient.class);
				assertThat(client.blocking().getCustomerByExternalId("acme-1").id()).isEqualTo(seeded.get("id"));
				RecordedRequest request = server.requests().get(0);
				assertThat(request.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
				assertThat(request.header("X-Test")).isEqualTo("customized");
			});
	}

	@Test
	void bootsHttpClientObservationsApply() {
		MockPaidServer server = paid.server();
		server.seedCustomer("Acme", "acme-1");
		List<String> observed = new CopyOnWriteArrayList<>();
		ObservationHandler<Observation.Context> recorder = new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getName());
			}

		};
		this.runner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class))
			.withPropertyValues("paid.base-url=" + server.baseUrl(), "paid.api-key=" + server.apiKey())
			.withBean(ObservationHandler.class, () -> recorder)
			.run((context) -> {
				context.getBean(PaidClient.class).blocking().getCustomerByExternalId("acme-1");
				assertThat(observed).contains("http.client.requests");
			});
	}

}
