package ai.paid.spring.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidCostsAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidSignalsAutoConfiguration;
import ai.paid.spring.client.Cost;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.client.TokenUsage;
import ai.paid.spring.signal.PaidContext;
import ai.paid.spring.signal.PaidSignals;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RequestMatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * {@link PaidCosts} outside a transaction: the in-memory path to {@code POST /costs/bulk}, attribution from
 * {@link PaidContext}, the scope id shared with the signal that claims the costs, and isolation of a malformed cost.
 */
class PaidCostsTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaidClientAutoConfiguration.class, PaidSignalsAutoConfiguration.class,
				PaidCostsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("paid.base-url=" + mock.server().baseUrl(), "paid.api-key=" + mock.server().apiKey(),
				"paid.costs.flush-interval=10ms", "paid.signals.flush-interval=10ms");

	@Test
	void costsInBothFormsReachPaidWithTheContextsAttribution() {
		this.runner.run((context) -> {
			PaidCosts costs = context.getBean(PaidCosts.class);
			Instant when = Instant.parse("2026-12-01T10:15:30Z");
			PaidContext.customer("acme").product("ai-sdr").run(() -> {
				costs.usage("anthropic", "claude-sonnet-4-5").inputTokens(100).outputTokens(20).timestamp(when).record();
				costs.money("serpapi", new BigDecimal("0.015"), "usd").customer("globex").record();
			});
			await().untilAsserted(() -> assertThat(mock.server().costs()).hasSize(2));
			assertThat(mock.server().costs().get(0)).containsEntry("type", "usage")
				.containsEntry("vendor", "anthropic")
				.containsEntry("model", "claude-sonnet-4-5")
				.containsEntry("timestamp", "2026-12-01T10:15:30Z")
				.containsEntry("customer", Map.of("externalCustomerId", "acme"))
				.containsEntry("product", Map.of("externalProductId", "ai-sdr"))
				.containsEntry("usage", Map.of("inputTokens", 100, "outputTokens", 20));
			assertThat(mock.server().costs().get(1)).containsEntry("type", "cost")
				.containsEntry("vendor", "serpapi")
				.containsEntry("amount", 0.015)
				.containsEntry("currency", "USD")
				.containsEntry("customer", Map.of("externalCustomerId", "globex"))
				.doesNotContainKey("metadata");
		});
	}

	@Test
	void aSignalWithCostsSharesTheScopeIdOfItsCostsAndTheNextSignalGetsANewOne() {
		this.runner.run((context) -> {
			PaidCosts costs = context.getBean(PaidCosts.class);
			PaidSignals signals = context.getBean(PaidSignals.class);
			PaidContext.customer("acme").product("ai-sdr").run(() -> {
				costs.usage("openai", "gpt-4o-mini").inputTokens(10).outputTokens(5).record();
				costs.usage("openai", "gpt-4o-mini").inputTokens(11).outputTokens(6).record();
				signals.emit("email_sent").withCosts().send();
				costs.usage("openai", "gpt-4o-mini").inputTokens(12).outputTokens(7).record();
				signals.emit("email_sent").withCosts().send();
			});
			await().untilAsserted(() -> {
				assertThat(mock.server().costs()).hasSize(3);
				assertThat(mock.server().signals()).hasSize(2);
			});
			List<Object> costScopes = mock.server().costs().stream().map(PaidCostsTests::costScope).toList();
			List<Object> signalScopes = mock.server().signals().stream().map(PaidCostsTests::signalScope).toList();
			assertThat(costScopes.get(0)).isNotNull().isEqualTo(costScopes.get(1)).isEqualTo(signalScopes.get(0));
			assertThat(costScopes.get(2)).isNotNull()
				.isNotEqualTo(costScopes.get(0))
				.isEqualTo(signalScopes.get(1));
		});
	}

	@Test
	void anAnnotatedSignalClaimsTheCostsOfItsScope() {
		this.runner.withBean(Mailer.class).run((context) -> {
			PaidCosts costs = context.getBean(PaidCosts.class);
			Mailer mailer = context.getBean(Mailer.class);
			PaidContext.customer("acme").run(() -> {
				costs.usage("openai", "gpt-4o-mini").inputTokens(10).outputTokens(5).record();
				mailer.send();
			});
			await().untilAsserted(() -> {
				assertThat(mock.server().costs()).hasSize(1);
				assertThat(mock.server().signals()).hasSize(1);
			});
			assertThat(signalScope(mock.server().signals().get(0))).isNotNull()
				.isEqualTo(costScope(mock.server().costs().get(0)));
		});
	}

	@Test
	void aSignalClaimingCostsOutsideAnyScopeIsRefused() {
		this.runner.run((context) -> assertThatIllegalStateException()
			.isThrownBy(() -> context.getBean(PaidSignals.class).emit("email_sent").customer("acme").withCosts().send())
			.withMessageContaining("outside any PaidContext scope"));
	}

	@Test
	void aMalformedCostIsIsolatedFromItsBatchAndCounted() {
		this.runner.withPropertyValues("paid.costs.flush-interval=1s", "paid.costs.batch-size=8").run((context) -> {
			PaidCosts costs = context.getBean(PaidCosts.class);
			for (int i = 0; i < 7; i++) {
				costs.usage("openai", "gpt-4o-mini").customer("acme").inputTokens(i).outputTokens(1).record();
			}
			costs.record(Cost.money(SignalCustomer.byExternalId("acme"), null, null, null, BigDecimal.ONE, "dollars",
					"serpapi", null));
			await().untilAsserted(() -> assertThat(mock.server().costs()).hasSize(7));
			await().untilAsserted(() -> assertThat(context.getBean(MeterRegistry.class)
				.get("paid.costs.failed")
				.tag("reason", "rejected")
				.counter()
				.count()).isEqualTo(1));
			assertThat(mock.server().costs()).allSatisfy((cost) -> assertThat(cost).containsEntry("type", "usage"));
			// the batch of 8, then two halves at each of three levels: 1 + 2·log2(8) requests
			assertThat(mock.server().requests(RequestMatch.of("POST", "/costs/bulk"))).hasSize(7);
		});
	}

	@Test
	void aFullBufferDropsTheCostWithoutWaiting() {
		this.runner
			.withPropertyValues("paid.costs.buffer-capacity=2", "paid.costs.batch-size=1", "paid.costs.max-in-flight=1",
					"paid.costs.shutdown-timeout=0s")
			.run((context) -> {
				mock.server().latency(java.time.Duration.ofSeconds(5));
				PaidCosts costs = context.getBean(PaidCosts.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				Cost cost = Cost.usage(SignalCustomer.byExternalId("acme"), null, null, null, "openai", "gpt-4o-mini",
						TokenUsage.of(1, 1));
				// the sender thread takes one cost into the slow POST and one more that waits for it to return
				for (int i = 0; i < 2; i++) {
					assertThat(costs.record(cost)).isTrue();
					await().until(() -> registry.get("paid.costs.buffer.size").gauge().value() == 0);
				}
				assertThat(costs.record(cost)).isTrue();
				assertThat(costs.record(cost)).isTrue();
				assertThat(costs.record(cost)).isFalse();
				assertThat(registry.get("paid.costs.failed").tag("reason", "buffer_full").counter().count())
					.isEqualTo(1);
				mock.server().latency(java.time.Duration.ZERO);
			});
	}

	@Test
	void aCostWithoutCustomerIsRefusedWithWhatToDo() {
		this.runner.run((context) -> {
			PaidCosts costs = context.getBean(PaidCosts.class);
			assertThatIllegalStateException()
				.isThrownBy(() -> costs.usage("openai", "gpt-4o-mini").inputTokens(1).record())
				.withMessageContaining("PaidContext.customer(...)");
			assertThatIllegalArgumentException().isThrownBy(() -> costs.money("serpapi", BigDecimal.ONE, "dollars"))
				.withMessageContaining("ISO 4217");
		});
	}

	private static Object costScope(Map<String, Object> cost) {
		return (cost.get("metadata") instanceof Map<?, ?> metadata) ? metadata.get("paid_scope_id") : null;
	}

	private static Object signalScope(Map<String, Object> signal) {
		return (signal.get("data") instanceof Map<?, ?> data && data.get("paid") instanceof Map<?, ?> paid)
				? paid.get("paid_scope_id") : null;
	}

	static class Mailer {

		@ai.paid.spring.signal.PaidSignal(value = "email_sent", attachCosts = true)
		void send() {
		}

	}

}
