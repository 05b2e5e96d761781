package ai.paid.spring.signal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidSignalsAutoConfiguration;
import ai.paid.spring.client.Signal;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What reaches Paid is exactly the v2 {@code POST /signals/bulk} body of paid-api.md §3.1.
 */
class SignalWireShapeTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaidClientAutoConfiguration.class, PaidSignalsAutoConfiguration.class))
		.withPropertyValues("paid.base-url=" + mock.server().baseUrl(), "paid.api-key=" + mock.server().apiKey(),
				"paid.signals.flush-interval=10ms");

	@Test
	void everyFieldHasItsV2WireName() {
		this.runner.run((context) -> {
			context.getBean(PaidSignals.class)
				.emit("email_sent")
				.customer("acme")
				.product("ai-sdr")
				.timestamp(Instant.parse("2026-01-15T09:30:00Z"))
				.quantity(3)
				.user("u-42")
				.data("model", "gpt-5")
				.idempotencyKey("email-1")
				.send();
			RecordedRequest request = awaitOneRequest();
			assertThat(request.relativePath()).isEqualTo("/signals/bulk");
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + mock.server().apiKey());
			assertThat(request.header("Content-Type")).startsWith("application/json");
			assertThat(request.jsonBody()).isEqualTo(JsonMapper.shared().readTree("""
					{"signals": [{
						"eventName": "email_sent",
						"customer": {"externalCustomerId": "acme"},
						"attribution": {"externalProductId": "ai-sdr"},
						"timestamp": "2026-01-15T09:30:00Z",
						"data": {"quantity": 3, "external_user_id": "u-42", "model": "gpt-5"},
						"idempotencyKey": "email-1"
					}]}"""));
		});
	}

	@Test
	void paidIdsUseTheirOwnKeysAndAbsentFieldsAreLeftOut() {
		this.runner.run((context) -> {
			Signal sent = context.getBean(PaidSignals.class)
				.emit("call_completed", (signal) -> signal.customerId("cus_1").productId("prod_1"));
			RecordedRequest request = awaitOneRequest();
			assertThat(request.jsonBody()).isEqualTo(JsonMapper.shared().readTree("""
					{"signals": [{
						"eventName": "call_completed",
						"customer": {"customerId": "cus_1"},
						"attribution": {"productId": "prod_1"},
						"timestamp": "%s",
						"idempotencyKey": "%s"
					}]}""".formatted(sent.timestamp(), sent.idempotencyKey())));
		});
	}

	@Test
	void generatedKeysAreUniqueUuids() {
		this.runner.run((context) -> {
			PaidSignals signals = context.getBean(PaidSignals.class);
			List<String> keys = java.util.stream.IntStream.range(0, 1000)
				.mapToObj((i) -> signals.emit("e").customer("acme").send().idempotencyKey())
				.toList();
			assertThat(keys).doesNotHaveDuplicates()
				.allSatisfy((key) -> assertThat(java.util.UUID.fromString(key).version()).isEqualTo(7));
		});
	}

	private static RecordedRequest awaitOneRequest() {
		await().untilAsserted(() -> assertThat(mock.server().requests("POST", "/signals/bulk")).hasSize(1));
		return mock.server().requests("POST", "/signals/bulk").get(0);
	}

	static Map<String, Object> only(List<Map<String, Object>> signals) {
		assertThat(signals).hasSize(1);
		return signals.get(0);
	}

}
