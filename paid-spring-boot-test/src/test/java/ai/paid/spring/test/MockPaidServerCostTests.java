package ai.paid.spring.test;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mock's {@code POST /costs/bulk}, over real HTTP: both cost forms in Paid's wire shape, all-or-nothing batches.
 */
@ExtendWith(MockPaidServerExtension.class)
class MockPaidServerCostTests {

	private static final String USAGE = """
			{"type": "usage", "customer": {"externalCustomerId": "acme"}, "product": {"externalProductId": "ai-sdr"},
			 "timestamp": "2026-12-01T10:15:30Z", "metadata": {"paid_scope_id": 42}, "vendor": "openai",
			 "model": "gpt-4o-mini", "usage": {"inputTokens": 512, "outputTokens": 164, "cacheReadInputTokens": 300}}""";

	private static final String MONEY = """
			{"type": "cost", "customer": {"customerId": "cus_1"}, "amount": 0.0031, "currency": "USD",
			 "vendor": "serpapi"}""";

	@Test
	void storesBothFormsAndAnswersWithCounts(MockPaidServer paid) {
		PaidHttp.Response response = new PaidHttp(paid).post("/costs/bulk",
				"{\"costs\": [" + USAGE + ", " + MONEY + "]}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("ingested").asInt()).isEqualTo(2);
		assertThat(response.json().get("duplicates").asInt()).isZero();
		assertThat(paid.costs()).hasSize(2);
		assertThat(paid.costs().get(0)).containsEntry("model", "gpt-4o-mini")
			.containsEntry("usage", Map.of("inputTokens", 512, "outputTokens", 164, "cacheReadInputTokens", 300));
		assertThat(paid.costs().get(1)).containsEntry("amount", 0.0031).containsEntry("currency", "USD");
	}

	@Test
	void oneMalformedCostRejectsTheWholeBatch(MockPaidServer paid) {
		String noModel = USAGE.replace("\"model\": \"gpt-4o-mini\",", "");
		PaidHttp.Response response = new PaidHttp(paid).post("/costs/bulk",
				"{\"costs\": [" + MONEY + ", " + noModel + "]}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("details")).contains("Cost[1].model is required");
		assertThat(paid.costs()).isEmpty();
	}

	@Test
	void rejectsAnUnknownTypeAWrongCurrencyAndBothCustomerKeys(MockPaidServer paid) {
		PaidHttp http = new PaidHttp(paid);
		assertThat(http.post("/costs/bulk", "{\"costs\": [" + MONEY.replace("\"cost\"", "\"money\"") + "]}")
			.text("details")).contains("Cost[0].type must be 'cost' or 'usage'");
		assertThat(http.post("/costs/bulk", "{\"costs\": [" + MONEY.replace("USD", "dollars") + "]}").text("details"))
			.contains("Cost[0].currency must be an ISO 4217 code");
		assertThat(http.post("/costs/bulk", "{\"costs\": ["
				+ MONEY.replace("{\"customerId\": \"cus_1\"}", "{\"customerId\": \"cus_1\", \"externalCustomerId\": \"a\"}")
				+ "]}")
			.text("details")).contains("Cost[0].customer must have exactly one");
		assertThat(http.post("/costs/bulk", "{\"costs\": [" + USAGE.replace("\"usage\": {", "\"tokens\": {") + "]}")
			.status()).isEqualTo(400);
		assertThat(paid.costs()).isEmpty();
	}

}
