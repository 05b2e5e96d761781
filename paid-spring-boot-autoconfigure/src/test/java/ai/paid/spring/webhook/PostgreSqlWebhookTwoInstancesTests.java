package ai.paid.spring.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.MockWebhookDelivery;
import ai.paid.spring.test.MockWebhooks;
import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of an application behind a (simulated) load balancer on one PostgreSQL database: Paid's retries of
 * the same event reach both, at the same time, and the event is still handled once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgreSqlWebhookTwoInstancesTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final ExecutorService senders = Executors.newFixedThreadPool(12);

	@BeforeAll
	void startTwoInstances() {
		TestDatabase database = TestDatabases.postgresql().withFreshSchema();
		MockPaidServer server = paid.server();
		for (int i = 0; i < 2; i++) {
			this.instances.add(new SpringApplicationBuilder(WebhookTestApplication.class)
				.web(WebApplicationType.SERVLET)
				.properties(database.propertyValues())
				.properties("server.port=0", "paid.outbox.initialize-schema=always",
						"paid.webhooks.initialize-schema=always", "paid.webhooks.poll-interval=50ms",
						"spring.jpa.hibernate.ddl-auto=none", "spring.main.banner-mode=off")
				.run("--paid.base-url=" + server.baseUrl(), "--paid.api-key=" + server.apiKey(),
						"--paid.webhooks.signing-secret=" + server.webhooks().signingSecret()));
		}
	}

	@AfterAll
	void stop() {
		this.senders.shutdownNow();
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void sameDeliveryThreeTimesToEachInstanceAtOnceIsHandledOnce() throws Exception {
		String id = UUID.randomUUID().toString();
		String key = "billing-invoice-paid:" + id;
		List<MockWebhookDelivery> deliveries = deliverConcurrently("billing-invoice-paid", id, 3);
		assertThat(deliveries).hasSize(6).allSatisfy((delivery) -> assertThat(delivery.status()).isEqualTo(200));
		assertThat(deliveries).filteredOn((delivery) -> delivery.response().equals("accepted")).hasSize(1);
		await().atMost(WAIT).until(() -> handled(key) == 1);
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> handled(key) == 1);
		WebhookInboxEntry entry = this.instances.get(0).getBean(PaidWebhookAdmin.class).entry(key);
		assertThat(entry.deliveries()).isEqualTo(6);
		assertThat(entry.state()).isEqualTo(WebhookInboxEntry.State.HANDLED);
	}

	@Test
	void manyEventsDeliveredToBothInstancesAreEachHandledOnce() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String id = run + "-" + i;
			keys.add("billing-payment-failed:" + id);
			assertThat(deliverConcurrently("billing-payment-failed", id, 1))
				.allSatisfy((delivery) -> assertThat(delivery.status()).isEqualTo(200));
		}
		await().atMost(WAIT).until(() -> keys.stream().allMatch((key) -> handled(key) == 1));
		await().during(Duration.ofSeconds(1))
			.atMost(WAIT)
			.until(() -> keys.stream().mapToInt(this::handled).sum() == keys.size());
	}

	private List<MockWebhookDelivery> deliverConcurrently(String event, String id, int timesPerInstance)
			throws Exception {
		MockWebhooks webhooks = paid.server().webhooks();
		String body = webhooks.envelope(event, Map.of("id", id));
		List<Callable<MockWebhookDelivery>> posts = new ArrayList<>();
		for (ConfigurableApplicationContext instance : this.instances) {
			String url = "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port")
					+ "/paid/webhooks";
			for (int i = 0; i < timesPerInstance; i++) {
				posts.add(() -> webhooks.sendRaw(url, body, webhooks.signature(System.currentTimeMillis(), body)));
			}
		}
		List<MockWebhookDelivery> results = new ArrayList<>();
		for (Future<MockWebhookDelivery> result : this.senders.invokeAll(posts)) {
			results.add(result.get());
		}
		return results;
	}

	private int handled(String key) {
		return this.instances.stream()
			.mapToInt((instance) -> instance.getBean(WebhookTestApplication.Handlers.class).handledCount(key))
			.sum();
	}

}
