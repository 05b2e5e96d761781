package ai.paid.spring.outbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidOutboxAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidSyncAutoConfiguration;
import ai.paid.spring.sync.PaidCustomerData;
import ai.paid.spring.sync.PaidSyncOperations;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.RequestMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the starter logs when deliveries to Paid fail, end to end: the real client, outbox and customer handler on H2,
 * against a closed port and against the mock Paid answering errors.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryFailureLoggingTests {

	private static final String SECRET_KEY = "sk-live-never-in-any-log-4711";

	private final MockPaidServer paid = new MockPaidServer(SECRET_KEY).start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				TransactionAutoConfiguration.class, PaidClientAutoConfiguration.class,
				PaidOutboxAutoConfiguration.class, PaidSyncAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:failure-log-" + UUID.randomUUID(),
				"paid.api-key=" + SECRET_KEY, "paid.outbox.initial-backoff=50ms", "paid.outbox.max-backoff=100ms",
				"paid.outbox.max-attempts=1000", "paid.outbox.circuit-breaker.open-duration=200ms",
				"paid.outbox.failure-log-interval=500ms");

	@AfterEach
	void stopPaid() {
		this.paid.stop();
	}

	@Test
	void aClosedPortIsOneWarningPerLaneThenSummariesAndTheKeyNeverAppears(CapturedOutput output) throws IOException {
		this.runner.withPropertyValues("paid.base-url=http://127.0.0.1:" + closedPort()).run((context) -> {
			save(context, "acme-1", "acme-2");
			awaitAttempts(context, "acme-1", 4);
			awaitAttempts(context, "acme-2", 4);
			await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("deliveries to Paid are failing"));
			assertThat(occurrences(output, "could not deliver CUSTOMER acme-1 (UPSERT) in lane cust:acme-1: "
					+ "no response: ")).isOne();
			assertThat(occurrences(output, "could not deliver CUSTOMER acme-2 (UPSERT) in lane cust:acme-2: "
					+ "no response: ")).isOne();
			assertThat(output.getOut()).containsPattern("lane cust:acme-1: no response: \\S*Exception: .*(?i)refused");
			assertThat(output.getOut()).containsPattern("Paid outbox: deliveries to Paid are failing: 2 lane\\(s\\) "
					+ "retrying here .*2 lane\\(s\\) pending in the outbox");
		});
		assertThat(output.getAll()).doesNotContain(SECRET_KEY);
	}

	@Test
	void paidAnswering503IsOneWarningWithPaidsMessageAndTheBreakerOpeningAndClosing(CapturedOutput output) {
		this.paid.failFor(Duration.ofHours(1), 503);
		this.runner.withPropertyValues("paid.base-url=" + this.paid.baseUrl()).run((context) -> {
			save(context, "acme-1");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> output.getOut().contains("Paid outbox circuit breaker opened"));
			awaitAttempts(context, "acme-1", 15);
			this.paid.clearFaults();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.paid.customerByExternalId("acme-1").isPresent());
			await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("circuit breaker closed"));
			assertThat(occurrences(output, "could not deliver CUSTOMER acme-1")).isOne();
			assertThat(output.getOut()).containsPattern(
					"WARN .*could not deliver CUSTOMER acme-1 \\(UPSERT\\) in lane cust:acme-1: HTTP 503: .*"
							+ "failure injected by MockPaidServer");
			assertThat(occurrences(output, "circuit breaker opened")).isOne();
			assertThat(occurrences(output, "circuit breaker closed")).isOne();
		});
		assertThat(output.getAll()).doesNotContain(SECRET_KEY);
	}

	@Test
	void aLanePaidRejectsIsParkedWithAnError(CapturedOutput output) {
		this.paid.failNext(1, 400, RequestMatch.path("/customers"));
		this.runner.withPropertyValues("paid.base-url=" + this.paid.baseUrl()).run((context) -> {
			save(context, "acme-1");
			await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("parked lane cust:acme-1"));
			assertThat(output.getOut()).containsPattern("ERROR .*Paid outbox parked lane cust:acme-1 at CUSTOMER "
					+ "acme-1 \\(UPSERT\\) \\(HTTP 400\\): .*failure injected by MockPaidServer");
		});
		assertThat(output.getAll()).doesNotContain(SECRET_KEY);
	}

	@Test
	void aRejectedKeyIsOneErrorThatNeverShowsTheKey(CapturedOutput output) {
		String wrongKey = "sk-wrong-key-never-in-any-log-0815";
		this.runner.withPropertyValues("paid.base-url=" + this.paid.baseUrl(), "paid.api-key=" + wrongKey,
				"paid.outbox.credentials-probe-interval=200ms")
			.run((context) -> {
				save(context, "acme-1");
				// the first rejection and two probes
				await().atMost(Duration.ofSeconds(10)).until(() -> this.paid.requests().size() >= 3);
				assertThat(output.getOut()).containsPattern("ERROR .*Paid rejected the API key \\(HTTP 403\\)");
				assertThat(occurrences(output, "Paid rejected the API key")).isOne();
				assertThat(occurrences(output, "could not deliver")).isZero();
			});
		assertThat(output.getAll()).doesNotContain(wrongKey).doesNotContain(SECRET_KEY);
	}

	private static void save(AssertableApplicationContext context, String... customers) {
		PaidSyncOperations sync = context.getBean(PaidSyncOperations.class);
		context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
			for (String customer : customers) {
				sync.customer(PaidCustomerData.builder(customer).name("Customer " + customer).build());
			}
		});
	}

	private static void awaitAttempts(AssertableApplicationContext context, String customer, int attempts) {
		OutboxQueries queries = context.getBean(OutboxQueries.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			Optional<PendingChange> change = queries.pendingChange("CUSTOMER", customer);
			return change.isPresent() && change.get().attempts() >= attempts;
		});
	}

	private static int occurrences(CapturedOutput output, String text) {
		String all = output.getOut();
		int count = 0;
		for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + 1)) {
			count++;
		}
		return count;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
