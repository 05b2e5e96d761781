package ai.paid.demo.paid;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import ai.paid.spring.test.MockPaidServer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Runs the demo against an in-process mock Paid server when no API key is configured ({@code PAID_API_KEY} or
 * {@code paid.api-key}), so the demo needs no Paid account: starts {@link MockPaidServer} before any bean exists,
 * points {@code paid.base-url}, {@code paid.api-key} and {@code paid.webhooks.signing-secret} at it, registers it as the {@link EmbeddedPaid} bean and stops
 * it with the context. The server is a bean too, for
 * tests that look at what Paid received. {@code demo.embedded-paid.enabled=false} turns this off.
 */
class EmbeddedPaidEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "demoEmbeddedPaid";

	@Override
	public int getOrder() {
		// after application.properties, profiles and the command line are known
		return ConfigDataEnvironmentPostProcessor.ORDER + 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("demo.embedded-paid.enabled", Boolean.class, true)
				|| !environment.getProperty("paid.enabled", Boolean.class, true) || hasApiKey(environment)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		// an empty Paid account: the plan's product and its prices come from paid.catalog (application.yml)
		MockPaidServer server = new MockPaidServer().start();
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("paid.base-url", server.baseUrl(), "paid.api-key", server.apiKey(),
							"paid.webhooks.signing-secret", server.webhooks().signingSecret())));
		application.addInitializers((context) -> register(context, new MockPaid(server, context.getEnvironment())));
	}

	private static boolean hasApiKey(ConfigurableEnvironment environment) {
		return StringUtils.hasText(environment.getProperty("paid.api-key"))
				|| StringUtils.hasText(environment.getProperty("PAID_API_KEY"));
	}

	private static void register(ConfigurableApplicationContext context, MockPaid mock) {
		context.getBeanFactory().registerSingleton("embeddedPaid", mock);
		context.getBeanFactory().registerSingleton("mockPaidServer", mock.server);
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				mock.server.stop();
			}
		});
	}

	/**
	 * The {@link EmbeddedPaid} view of the running mock server.
	 */
	static final class MockPaid implements EmbeddedPaid {

		private final MockPaidServer server;

		private final Environment environment;

		private volatile @Nullable Instant failingUntil;

		MockPaid(MockPaidServer server, Environment environment) {
			this.server = server;
			this.environment = environment;
		}

		@Override
		public int sendWebhook(String event, Map<String, ?> payload) {
			String url = "http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080")
					+ this.environment.getProperty("server.servlet.context-path", "")
					+ this.environment.getProperty("paid.webhooks.path", "/paid/webhooks");
			return this.server.webhooks().target(url).send(event, payload).status();
		}

		@Override
		public String baseUrl() {
			return this.server.baseUrl();
		}

		@Override
		public Instant failFor(Duration duration, int status) {
			Instant until = Instant.now().plus(duration);
			this.server.failFor(duration, status);
			this.failingUntil = until;
			return until;
		}

		@Override
		public int signalsIngested() {
			return this.server.signals().size();
		}

		@Override
		public @Nullable Instant failingUntil() {
			Instant until = this.failingUntil;
			return (until != null && until.isAfter(Instant.now())) ? until : null;
		}

	}

}
