package ai.paid.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.paid.spring.test.MockPaidServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The demo's REST API and the JSON document the page polls, over HTTP against the running app.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "demo.seed.enabled=false")
class DemoApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final HttpClient DIRECT = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private MockPaidServer paid;

	private RestClient http;

	@BeforeEach
	void client() {
		// the first email's chat call loads the OpenAI client, which takes seconds on a busy machine
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
		requests.setReadTimeout(Duration.ofSeconds(60));
		this.http = RestClient.builder().baseUrl("http://localhost:" + this.port).requestFactory(requests).build();
	}

	@Test
	@SuppressWarnings("unchecked")
	void accountContactSubscriptionAndAgentActivityShowOnTheDashboard() {
		Map<String, Object> account = post("/api/accounts", Map.of("name", "Initech", "email", "ap@initech.example"));
		String accountId = (String) account.get("id");
		assertThat(accountId).startsWith("acc_");
		Map<String, Object> renamed = this.http.patch()
			.uri("/api/accounts/{id}", accountId)
			.body(Map.of("name", "Initech Corp"))
			.retrieve()
			.body(JSON);
		assertThat(renamed).containsEntry("name", "Initech Corp");
		Map<String, Object> contact = post("/api/accounts/" + accountId + "/contacts",
				Map.of("firstName", "Bill", "lastName", "Lumbergh", "email", "bill@initech.example"));
		String contactId = (String) contact.get("id");
		Map<String, Object> subscription = post("/api/accounts/" + accountId + "/subscriptions",
				Map.of("billingContactId", contactId, "startDate", "2025-06-01", "endDate", "2026-05-31"));
		assertThat(subscription).containsEntry("plan", "AI SDR - Pro").containsEntry("currency", "USD");
		post("/api/contacts/" + contactId + "/emails", Map.of("subject", "Hello"));
		Map<String, Object> meeting = post("/api/contacts/" + contactId + "/meetings", Map.of());
		assertThat(meeting).containsEntry("accountId", accountId).containsEntry("contactId", contactId);

		Map<String, Object> dashboard = this.http.get().uri("/api/dashboard").retrieve().body(JSON);
		assertThat(rows(dashboard, "accounts")).filteredOn("id", accountId)
			.extracting((row) -> row.get("name"))
			.containsExactly("Initech Corp");
		assertThat(rows(dashboard, "contacts")).filteredOn("accountId", accountId)
			.extracting((row) -> row.get("name"))
			.containsExactly("Bill Lumbergh");
		assertThat(rows(dashboard, "orders")).filteredOn("accountId", accountId)
			.extracting((row) -> row.get("startDate"))
			.containsExactly("2025-06-01");
		assertThat(rows(dashboard, "signals")).filteredOn("accountId", accountId)
			.extracting((row) -> row.get("event"))
			.containsExactly("meeting_booked", "email_sent");
		assertThat(rows(dashboard, "products")).singleElement().satisfies((product) -> {
			assertThat(product).containsEntry("externalId", "ai-sdr-pro")
				.containsEntry("name", "AI SDR")
				.containsEntry("status", "created");
			assertThat((List<Map<String, Object>>) product.get("prices")).extracting((price) -> price.get("price"))
				.containsExactly("$500 per month", "$0.10 per email_sent", "$50 per meeting_booked");
		});
		assertThat(dashboard.get("paid")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("embedded", true)
			.containsEntry("baseUrl", this.paid.baseUrl());
	}

	@Test
	void anEmailWrittenByTheChatModelCostsItsTokensAndTheSignalClaimsThatCost() {
		Map<String, Object> account = post("/api/accounts", Map.of("name", "Hooli", "email", "ap@hooli.example"));
		String accountId = (String) account.get("id");
		Map<String, Object> contact = post("/api/accounts/" + accountId + "/contacts",
				Map.of("firstName", "Gavin", "lastName", "Belson", "email", "gavin@hooli.example"));
		post("/api/contacts/" + contact.get("id") + "/emails", Map.of("subject", "Compression"));
		await().untilAsserted(() -> {
			assertThat(this.paid.costs()).filteredOn("customer", Map.of("externalCustomerId", accountId)).hasSize(1);
			assertThat(this.paid.signals()).filteredOn("customer", Map.of("externalCustomerId", accountId))
				.hasSize(1);
		});
		Map<String, Object> cost = this.paid.costs()
			.stream()
			.filter((c) -> Map.of("externalCustomerId", accountId).equals(c.get("customer")))
			.findFirst()
			.orElseThrow();
		Map<String, Object> signal = this.paid.signals()
			.stream()
			.filter((s) -> Map.of("externalCustomerId", accountId).equals(s.get("customer")))
			.findFirst()
			.orElseThrow();
		assertThat(cost).containsEntry("type", "usage")
			.containsEntry("vendor", "openai")
			.containsEntry("model", "gpt-4o-mini-2024-07-18")
			.containsEntry("usage", Map.of("inputTokens", 284, "outputTokens", 118, "cacheReadInputTokens", 128));
		assertThat(((Map<?, ?>) cost.get("metadata")).get("paid_scope_id"))
			.isEqualTo(((Map<?, ?>) ((Map<?, ?>) signal.get("data")).get("paid")).get("paid_scope_id"));
		Map<String, Object> dashboard = this.http.get().uri("/api/dashboard").retrieve().body(JSON);
		assertThat(rows(dashboard, "margins")).filteredOn("accountId", accountId).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("emails", 1).containsEntry("llmCalls", 1).containsEntry("llmTokens", 530);
			assertThat(row.get("revenue")).isEqualTo(0.1);
			// 284 input at $0.15, 128 cached at $0.075, 118 output at $0.60 per million tokens
			assertThat(((Number) row.get("llmCost")).doubleValue()).isCloseTo(0.000123, org.assertj.core.data.Offset.offset(1e-9));
		});
	}

	@Test
	void creditsDepletedWebhookPausesTheAccountsAgentOnceAndInvoicePaidShowsTheInvoice() {
		String accountId = (String) post("/api/accounts", Map.of("name", "Hooli")).get("id");
		String contactId = (String) post("/api/accounts/" + accountId + "/contacts",
				Map.of("firstName", "Gavin", "lastName", "Belson", "email", "gavin@hooli.example"))
			.get("id");
		post("/api/contacts/" + contactId + "/emails", Map.of("subject", "Before"));

		Map<String, Object> sent = post("/api/billing/accounts/" + accountId + "/credits-depleted", Map.of());
		assertThat(sent).containsEntry("status", 200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> rows(billing(), "pausedAgents").stream().anyMatch((p) -> accountId.equals(p.get("accountId"))));
		assertThatExceptionOfType(HttpClientErrorException.class)
			.isThrownBy(() -> post("/api/contacts/" + contactId + "/emails", Map.of("subject", "After")))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.getResponseBodyAsString()).contains("paused");
			});

		post("/api/billing/accounts/" + accountId + "/invoice-paid", Map.of());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> rows(billing(), "invoices").stream().anyMatch((i) -> accountId.equals(i.get("accountId"))));
		assertThat(rows(billing(), "invoices")).filteredOn("accountId", accountId)
			.singleElement()
			.satisfies((invoice) -> assertThat(invoice).containsEntry("amount", "500.00").containsEntry("currency", "USD"));

		this.http.delete().uri("/api/billing/pauses/{id}", accountId).retrieve().toBodilessEntity();
		post("/api/contacts/" + contactId + "/emails", Map.of("subject", "Resumed"));
	}

	private Map<String, Object> billing() {
		return this.http.get().uri("/api/billing").retrieve().body(JSON);
	}

	@Test
	void invalidRequestsAreRejectedWithTheReason() {
		assertThatExceptionOfType(HttpClientErrorException.class)
			.isThrownBy(() -> post("/api/accounts", Map.of("email", "nobody@example.com")))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getResponseBodyAsString()).contains("name is required");
			});
		assertThatExceptionOfType(HttpClientErrorException.class)
			.isThrownBy(() -> post("/api/contacts/con_unknown/meetings", Map.of()))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	@Test
	void outageButtonMakesTheMockPaidAnswer503UntilItEnds() throws Exception {
		Map<String, Object> outage = this.http.post()
			.uri("/api/paid/outage?seconds=2")
			.retrieve()
			.body(JSON);
		assertThat(outage).containsEntry("status", 503).containsKey("until");
		assertThat(statusOfPaid()).isEqualTo(503);
		await().atMost(Duration.ofSeconds(10)).until(() -> statusOfPaid() != 503);
	}

	@Test
	void changesMadeWhilePaidFailsStayPendingWithTheErrorAndSyncOnceItRecovers() {
		this.http.post().uri("/api/paid/outage?seconds=8").retrieve().toBodilessEntity();
		String id = (String) post("/api/accounts", Map.of("name", "Umbrella Corp")).get("id");
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(syncOf(id)).containsEntry("state", "pending")
				.extractingByKey("error")
				.asString()
				.contains("503"));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(syncOf(id))
			.containsEntry("state", "synced")
			.containsEntry("paidId", this.paid.customerByExternalId(id).orElseThrow().get("id")));
	}

	@Test
	void accountPaidRejectsIsParkedWithPaidsErrorWithoutHoldingUpOtherAccounts() {
		String rejected = (String) post("/api/accounts", Map.of("name", "Lowercase Ltd", "currency", "usd")).get("id");
		String accepted = (String) post("/api/accounts", Map.of("name", "Uppercase Ltd", "currency", "EUR")).get("id");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(syncOf(rejected)).containsEntry("state", "parked")
				.extractingByKey("error")
				.asString()
				.contains("400")
				.contains("ISO 4217");
			assertThat(syncOf(accepted)).containsEntry("state", "synced");
		});
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> syncOf(String accountId) {
		return rows(this.http.get().uri("/api/dashboard").retrieve().body(JSON), "accounts").stream()
			.filter((row) -> accountId.equals(row.get("id")))
			.map((row) -> (Map<String, Object>) row.get("sync"))
			.findFirst()
			.orElseThrow();
	}

	private int statusOfPaid() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.paid.baseUrl() + "/products/"))
			.header("Authorization", "Bearer " + this.paid.apiKey())
			.build();
		return DIRECT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private Map<String, Object> post(String path, Map<String, ?> body) {
		return this.http.post().uri(path).body(body).retrieve().body(JSON);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> dashboard, String name) {
		return (List<Map<String, Object>>) dashboard.get(name);
	}

}
