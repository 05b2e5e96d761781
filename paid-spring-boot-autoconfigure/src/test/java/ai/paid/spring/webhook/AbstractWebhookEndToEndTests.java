package ai.paid.spring.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.MockWebhookDelivery;
import ai.paid.spring.test.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end on a real database (one subclass per database, each in a schema of its own): the mock Paid
 * server signs and posts deliveries to the receiver of a running application, which stores them in its inbox and
 * runs the handlers once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractWebhookEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext context;

	private MockPaidServer server;

	private WebhookTestApplication.Handlers handlers;

	private PaidWebhookAdmin admin;

	private int port;

	/** The database to run against; called once per test class. */
	protected abstract TestDatabase database();

	@BeforeAll
	void startApplication() {
		MockPaidServer server = paid.server();
		this.context = new SpringApplicationBuilder(WebhookTestApplication.class).web(WebApplicationType.SERVLET)
			.properties(database().propertyValues())
			.properties("server.port=0", "paid.outbox.initialize-schema=always",
					"paid.webhooks.initialize-schema=always", "paid.webhooks.poll-interval=100ms",
					"paid.webhooks.initial-backoff=50ms", "paid.webhooks.max-backoff=100ms",
					"paid.webhooks.max-attempts=3", "management.endpoints.web.exposure.include=paidwebhooks",
					"management.endpoint.paidwebhooks.access=unrestricted", "spring.jpa.hibernate.ddl-auto=none",
					"spring.main.banner-mode=off")
			.run("--paid.base-url=" + server.baseUrl(), "--paid.api-key=" + server.apiKey(),
					"--paid.webhooks.signing-secret=" + server.webhooks().signingSecret());
		this.handlers = this.context.getBean(WebhookTestApplication.Handlers.class);
		this.admin = this.context.getBean(PaidWebhookAdmin.class);
		this.port = Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	void stopApplication() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@BeforeEach
	void pointMockAtApplication() {
		this.server = paid.server();
		this.server.webhooks().target(receiverUrl());
	}

	private String receiverUrl() {
		return "http://127.0.0.1:" + this.port + "/paid/webhooks";
	}

	@Test
	void validDeliveryReachesItsHandlersOnceAsTypedEvent() {
		String id = id();
		MockWebhookDelivery delivery = this.server.webhooks()
			.send("billing-credits-depleted", Map.of("id", id, "customerId", "cus_" + id));
		assertThat(delivery.status()).isEqualTo(200);
		String key = "billing-credits-depleted:" + id;
		await().atMost(WAIT).until(() -> this.handlers.handledCount(key) == 1);
		PaidWebhookEvent event = this.handlers.typedEvents.stream()
			.filter((e) -> e.delivery().dedupKey().equals(key))
			.findFirst()
			.orElseThrow();
		assertThat(event).isInstanceOf(PaidCreditsDepletedEvent.class);
		assertThat(((PaidCreditsDepletedEvent) event).credits().path("customerId").asString()).isEqualTo("cus_" + id);
		assertThat(event.isTest()).isFalse();
		assertThat(event.timestamp()).isNotNull();
		assertThat(this.handlers.depletedPayloads).anySatisfy(
				(credits) -> assertThat(credits.path("id").asString()).isEqualTo(id));
		await().atMost(WAIT).until(() -> state(key) == WebhookInboxEntry.State.HANDLED);
		await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> this.handlers.handledCount(key) == 1);
	}

	@Test
	void sameDeliveryThreeTimesIsAcknowledgedEachTimeAndHandledOnce() {
		String id = id();
		MockWebhookDelivery first = this.server.webhooks()
			.send("billing-invoice-paid", Map.of("id", id, "amount", 100));
		String key = "billing-invoice-paid:" + id;
		MockWebhookDelivery second = this.server.webhooks().redeliver(first);
		await().atMost(WAIT).until(() -> this.handlers.handledCount(key) == 1);
		MockWebhookDelivery third = this.server.webhooks().redeliver(first);
		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(third.status()).isEqualTo(200);
		assertThat(third.response()).isEqualTo("duplicate");
		assertThat(third.signature()).isNotEqualTo(first.signature());
		await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> this.handlers.handledCount(key) == 1);
		WebhookInboxEntry entry = this.admin.entry(key);
		assertThat(entry.deliveries()).isEqualTo(3);
		assertThat(entry.state()).isEqualTo(WebhookInboxEntry.State.HANDLED);
		assertThat(this.handlers.typedEvents).filteredOn((e) -> e.delivery().dedupKey().equals(key))
			.singleElement()
			.isInstanceOf(PaidInvoicePaidEvent.class);
	}

	@Test
	void badSignatureIsRejectedAndNothingStored() {
		String id = id();
		long before = rows();
		MockWebhookDelivery delivery = this.server.webhooks()
			.sendWithBadSignature("billing-payment-failed", Map.of("id", id));
		assertRejected(delivery, "billing-payment-failed:" + id, before);
	}

	@Test
	void tamperedBodyIsRejectedAndNothingStored() {
		String id = id();
		long before = rows();
		String signed = this.server.webhooks().envelope("billing-payment-failed", Map.of("id", id, "amount", 10));
		String tampered = signed.replace("\"amount\":10", "\"amount\":99");
		assertThat(tampered).isNotEqualTo(signed);
		long now = System.currentTimeMillis();
		MockWebhookDelivery delivery = this.server.webhooks()
			.sendRaw(receiverUrl(), tampered, this.server.webhooks().signature(now, signed));
		assertRejected(delivery, "billing-payment-failed:" + id, before);
	}

	@Test
	void reserializedBodyIsRejectedAndNothingStored() {
		String id = id();
		long before = rows();
		String signed = this.server.webhooks().envelope("billing-payment-failed", Map.of("id", id, "amount", 10));
		JsonMapper mapper = JsonMapper.builder().build();
		JsonNode tree = mapper.readTree(signed);
		String reserialized = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
		assertThat(mapper.readTree(reserialized)).isEqualTo(tree);
		long now = System.currentTimeMillis();
		MockWebhookDelivery delivery = this.server.webhooks()
			.sendRaw(receiverUrl(), reserialized, this.server.webhooks().signature(now, signed));
		assertRejected(delivery, "billing-payment-failed:" + id, before);
	}

	@Test
	void staleTimestampIsRejectedAndNothingStored() {
		String id = id();
		long before = rows();
		MockWebhookDelivery delivery = this.server.webhooks()
			.sendWithTimestamp("billing-payment-failed", Map.of("id", id), Instant.now().minus(Duration.ofMinutes(6)));
		assertRejected(delivery, "billing-payment-failed:" + id, before);
	}

	@Test
	void missingSignatureIsRejectedAndNothingStored() {
		String id = id();
		long before = rows();
		String body = this.server.webhooks().envelope("billing-payment-failed", Map.of("id", id));
		assertRejected(this.server.webhooks().sendRaw(receiverUrl(), body, null), "billing-payment-failed:" + id,
				before);
	}

	private void assertRejected(MockWebhookDelivery delivery, String key, long rowsBefore) {
		assertThat(delivery.status()).isEqualTo(400);
		assertThat(delivery.response()).isEqualTo("invalid signature");
		assertThat(this.admin.entry(key)).isNull();
		assertThat(rows()).isEqualTo(rowsBefore);
	}

	@Test
	void failingHandlerIsRetriedThenParkedAndRetryFromTheEndpointRunsItAgain() throws Exception {
		String id = id();
		String key = "billing-payment-succeeded:" + id;
		// fails on the first four attempts: three (max-attempts) park it, the operator's retry is the fourth
		// attempt and fails again, the fifth succeeds
		this.server.webhooks().send("billing-payment-succeeded", Map.of("id", id, "fail", 4));
		await().atMost(WAIT).until(() -> state(key) == WebhookInboxEntry.State.PARKED);
		assertThat(this.handlers.attemptCount(key)).isEqualTo(3);
		assertThat(this.handlers.handledCount(key)).isZero();
		WebhookInboxEntry parked = this.admin.entry(key);
		assertThat(parked.attempts()).isEqualTo(3);
		assertThat(parked.lastError()).contains("handler failure 3");
		JsonNode read = JsonMapper.builder().build().readTree(actuator("GET", "", null).body());
		assertThat(read.path("parked").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(read.path("parkedDeliveries").toString()).contains(key).doesNotContain("\"fail\"");

		HttpResponse<String> retry = actuator("POST", "/retry", "{\"id\":" + parked.id() + "}");
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(retry.body()).contains("\"retried\":true");
		await().atMost(WAIT).until(() -> state(key) == WebhookInboxEntry.State.HANDLED);
		assertThat(this.handlers.attemptCount(key)).isEqualTo(5);
		assertThat(this.handlers.handledCount(key)).isEqualTo(1);
	}

	@Test
	void skipFromTheEndpointKeepsTheDeliveryAndARedeliveryIsStillAcknowledged() throws Exception {
		String id = id();
		String key = "billing-overage-incurred:" + id;
		MockWebhookDelivery delivery = this.server.webhooks()
			.send("billing-overage-incurred", Map.of("id", id, "fail", -1));
		await().atMost(WAIT).until(() -> state(key) == WebhookInboxEntry.State.PARKED);
		HttpResponse<String> skip = actuator("POST", "/skip", "{\"id\":" + this.admin.entry(key).id() + "}");
		assertThat(skip.body()).contains("\"skipped\":true");
		assertThat(state(key)).isEqualTo(WebhookInboxEntry.State.SKIPPED);
		assertThat(this.server.webhooks().redeliver(delivery).response()).isEqualTo("duplicate");
		assertThat(this.handlers.handledCount(key)).isZero();
	}

	@Test
	void unknownEventArrivesAsGenericEvent() {
		String id = id();
		MockWebhookDelivery delivery = this.server.webhooks()
			.send("billing-something-new", Map.of("thing", Map.of("id", id)));
		assertThat(delivery.status()).isEqualTo(200);
		await().atMost(WAIT)
			.until(() -> this.handlers.typedEvents.stream()
				.anyMatch((e) -> e.name().equals("billing-something-new")
						&& e.payload().path("thing").path("id").asString().equals(id)));
		PaidWebhookEvent event = this.handlers.typedEvents.stream()
			.filter((e) -> e.payload().path("thing").path("id").asString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(event).isExactlyInstanceOf(PaidGenericWebhookEvent.class);
		assertThat(event.delivery().dedupKey()).startsWith("billing-something-new:sha256:");
		assertThat(this.handlers.annotatedEvents).contains(event);
	}

	@Test
	void handlersRunOnTheDispatcherNotOnTheRequestThread() {
		String id = id();
		this.server.webhooks().send("billing-checkout-completed", Map.of("id", id));
		await().atMost(WAIT).until(() -> this.handlers.handledCount("billing-checkout-completed:" + id) == 1);
		assertThat(this.handlers.threads).allSatisfy((name) -> assertThat(name).startsWith("paid-webhook-"));
	}

	@Test
	void metersCountReceivedRejectedHandledFailedAndParked() {
		MeterRegistry registry = this.context.getBean(MeterRegistry.class);
		double received = count(registry, "paid.webhooks.received", "event", "billing-checkout-expired", "outcome",
				"new");
		double duplicates = count(registry, "paid.webhooks.received", "event", "billing-checkout-expired", "outcome",
				"duplicate");
		double mismatches = count(registry, "paid.webhooks.rejected", "reason", "signature-mismatch");
		double stale = count(registry, "paid.webhooks.rejected", "reason", "stale-timestamp");
		double handled = count(registry, "paid.webhooks.handled", "event", "billing-checkout-expired");
		double failed = count(registry, "paid.webhooks.failed", "event", "billing-checkout-expired");
		double parked = count(registry, "paid.webhooks.parked", "event", "billing-checkout-created");
		String id = id();
		MockWebhookDelivery delivery = this.server.webhooks()
			.send("billing-checkout-expired", Map.of("id", id, "fail", 1));
		this.server.webhooks().redeliver(delivery);
		this.server.webhooks().sendWithBadSignature("billing-checkout-expired", Map.of("id", id()));
		this.server.webhooks()
			.sendWithTimestamp("billing-checkout-expired", Map.of("id", id()), Instant.now().minusSeconds(3600));
		this.server.webhooks().send("billing-checkout-created", Map.of("id", id, "fail", -1));
		await().atMost(WAIT)
			.until(() -> count(registry, "paid.webhooks.handled", "event", "billing-checkout-expired") == handled + 1
					&& count(registry, "paid.webhooks.parked", "event", "billing-checkout-created") == parked + 1);
		assertThat(count(registry, "paid.webhooks.received", "event", "billing-checkout-expired", "outcome", "new"))
			.isEqualTo(received + 1);
		assertThat(count(registry, "paid.webhooks.received", "event", "billing-checkout-expired", "outcome",
				"duplicate"))
			.isEqualTo(duplicates + 1);
		assertThat(count(registry, "paid.webhooks.rejected", "reason", "signature-mismatch")).isEqualTo(mismatches + 1);
		assertThat(count(registry, "paid.webhooks.rejected", "reason", "stale-timestamp")).isEqualTo(stale + 1);
		assertThat(count(registry, "paid.webhooks.failed", "event", "billing-checkout-expired")).isEqualTo(failed + 1);
	}

	private static double count(MeterRegistry registry, String name, String... tags) {
		Counter counter = registry.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private WebhookInboxEntry.State state(String key) {
		WebhookInboxEntry entry = this.admin.entry(key);
		return (entry != null) ? entry.state() : null;
	}

	private long rows() {
		return new JdbcTemplate(this.context.getBean(javax.sql.DataSource.class))
			.queryForObject("SELECT COUNT(*) FROM paid_webhook_inbox", Long.class);
	}

	private HttpResponse<String> actuator(String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/paidwebhooks" + path))
			.timeout(Duration.ofSeconds(10));
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String id() {
		return UUID.randomUUID().toString().substring(0, 12);
	}

}
