package ai.paid.demo;

import ai.paid.demo.paid.EmbeddedPaid;
import ai.paid.demo.paid.PaidTarget;
import ai.paid.spring.test.MockPaidServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an API key the demo runs against an in-process mock Paid; with one, against the configured Paid and no mock.
 */
class EmbeddedPaidTests {

	@Test
	void withoutApiKeyTheClientIsPointedAtAnInProcessMockThatStopsWithTheApp() {
		MockPaidServer server;
		try (ConfigurableApplicationContext context = run()) {
			server = context.getBean(MockPaidServer.class);
			assertThat(server.isRunning()).isTrue();
			assertThat(context.getEnvironment().getProperty("paid.base-url")).isEqualTo(server.baseUrl());
			assertThat(context.getEnvironment().getProperty("paid.api-key")).isEqualTo(server.apiKey());
			assertThat(context.getBean(PaidTarget.class)).isEqualTo(new PaidTarget(true, server.baseUrl()));
			assertThat(server.products()).extracting((product) -> product.get("externalId")).contains("ai-sdr-pro");
		}
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void withApiKeyNoMockIsStartedAndTheConfiguredPaidIsUsed() {
		try (ConfigurableApplicationContext context = run("--paid.api-key=key-from-the-environment",
				"--paid.base-url=http://127.0.0.1:9/api/v2")) {
			assertThat(context.getBeanProvider(EmbeddedPaid.class).getIfAvailable()).isNull();
			assertThat(context.getBeanProvider(MockPaidServer.class).getIfAvailable()).isNull();
			assertThat(context.getBean(PaidTarget.class))
				.isEqualTo(new PaidTarget(false, "http://127.0.0.1:9/api/v2"));
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		String[] common = { "--server.port=0", "--demo.seed.enabled=false" };
		String[] all = new String[common.length + args.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(args, 0, all, common.length, args.length);
		return SpringApplication.run(DemoApplication.class, all);
	}

}
