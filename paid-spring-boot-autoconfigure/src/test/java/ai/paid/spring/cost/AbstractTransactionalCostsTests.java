package ai.paid.spring.cost;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidCostsAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidOutboxAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidSignalsAutoConfiguration;
import ai.paid.spring.signal.PaidContext;
import ai.paid.spring.signal.SignalCustomerReadiness;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RequestMatch;
import ai.paid.spring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Costs recorded inside a transaction go through the outbox: sent if and only if the transaction commits, and kept
 * across a restart until Paid has them. One subclass per database.
 */
abstract class AbstractTransactionalCostsTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private final String customer = "acme-" + UUID.randomUUID();

	protected abstract TestDatabase database();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					PaidClientAutoConfiguration.class, PaidOutboxAutoConfiguration.class,
					PaidSignalsAutoConfiguration.class, PaidCostsAutoConfiguration.class))
			.withPropertyValues(database().propertyValues())
			.withPropertyValues("paid.base-url=" + paid().baseUrl(), "paid.api-key=" + paid().apiKey(),
					"paid.outbox.initialize-schema=always", "paid.outbox.poll-interval=200ms",
					"paid.outbox.initial-backoff=20ms", "paid.outbox.max-backoff=100ms",
					"paid.outbox.shutdown-timeout=500ms", "paid.costs.flush-interval=10ms")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new);
	}

	private static MockPaidServer paid() {
		return mock.server();
	}

	@Test
	void aRolledBackCostIsNeverSentAndACommittedOneIsSentOnce() {
		runner().run((context) -> {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidCosts costs = context.getBean(PaidCosts.class);
			tx.executeWithoutResult((status) -> {
				record(costs, 111);
				status.setRollbackOnly();
			});
			tx.executeWithoutResult((status) -> record(costs, 222));
			await().untilAsserted(() -> assertThat(ours()).hasSize(1));
			assertThat(ours().get(0)).containsEntry("usage", Map.of("inputTokens", 222, "outputTokens", 1));
			assertThat(paid().requests(RequestMatch.of("POST", "/costs/bulk")))
				.noneMatch((request) -> request.body().contains("\"inputTokens\":111"));
			assertThat(context.getBean(MeterRegistry.class)
				.get("paid.costs.recorded")
				.tag("path", "transactional")
				.counter()
				.count()).isEqualTo(2);
		});
	}

	@Test
	void aCommittedCostSurvivesARestart() {
		runner().withPropertyValues("paid.outbox.dispatcher-enabled=false").run((context) -> {
			context.getBean(TransactionTemplate.class)
				.executeWithoutResult((status) -> record(context.getBean(PaidCosts.class), 333));
		});
		assertThat(ours()).isEmpty();
		runner().run((context) -> {
			await().untilAsserted(() -> assertThat(ours()).hasSize(1));
			assertThat(ours().get(0)).containsEntry("usage", Map.of("inputTokens", 333, "outputTokens", 1))
				.containsEntry("customer", Map.of("externalCustomerId", this.customer));
		});
	}

	@Test
	void aCostOutsideATransactionTakesTheInMemoryPath() {
		runner().run((context) -> {
			record(context.getBean(PaidCosts.class), 444);
			await().untilAsserted(() -> assertThat(ours()).hasSize(1));
			assertThat(context.getBean(MeterRegistry.class)
				.get("paid.costs.recorded")
				.tag("path", "buffered")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void aCostWaitsForItsCustomerToReachPaid() {
		AtomicBoolean customerInPaid = new AtomicBoolean();
		AtomicInteger asked = new AtomicInteger();
		SignalCustomerReadiness readiness = (externalCustomerId) -> {
			asked.incrementAndGet();
			return Mono.just(customerInPaid.get() ? SignalCustomerReadiness.Readiness.sendNow()
					: SignalCustomerReadiness.Readiness.waitFor(Duration.ofMillis(50),
							"customer '" + externalCustomerId + "' is still queued for Paid"));
		};
		runner().withBean(SignalCustomerReadiness.class, () -> readiness).run((context) -> {
			context.getBean(TransactionTemplate.class)
				.executeWithoutResult((status) -> record(context.getBean(PaidCosts.class), 555));
			await().until(() -> asked.get() >= 3);
			assertThat(ours()).isEmpty();
			customerInPaid.set(true);
			await().untilAsserted(() -> assertThat(ours()).hasSize(1));
		});
	}

	private void record(PaidCosts costs, long inputTokens) {
		PaidContext.customer(this.customer)
			.run(() -> costs.usage("openai", "gpt-4o-mini").inputTokens(inputTokens).outputTokens(1).record());
	}

	private List<Map<String, Object>> ours() {
		return paid().costs()
			.stream()
			.filter((cost) -> Map.of("externalCustomerId", this.customer).equals(cost.get("customer")))
			.toList();
	}

}
