package ai.paid.spring.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import ai.paid.spring.test.AutoConfigureMockPaid;
import ai.paid.spring.test.MockPaidServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code paidcatalog} actuator endpoint and the {@code paidCatalog} health over HTTP on a running application
 * (H2, mock Paid): the declared product with its prices and state, a reconcile on demand, and writes refused under
 * the default read-only access.
 */
class PaidCatalogEndpointTests {

	private static final String ENDPOINT = "/actuator/paidcatalog";

	@Nested
	@SpringBootTest(classes = PaidSyncEndpointTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=health,paidcatalog",
					"management.endpoint.paidcatalog.access=unrestricted",
					"management.endpoint.health.show-details=always" })
	@AutoConfigureMockPaid
	class Unrestricted extends Base {

		@Test
		void readShowsTheDeclaredProductMissingInPaidAndAReconcileFindsItOnceCreated() {
			JsonNode catalog = get(ENDPOINT);
			assertThat(catalog.path("mode").asString()).isEqualTo("VERIFY");
			JsonNode product = catalog.path("products").get(0);
			assertThat(product.path("externalId").asString()).isEqualTo("ai-sdr-001");
			assertThat(product.path("status").asString()).isEqualTo("MISSING");
			assertThat(product.path("prices")).hasSize(2);
			assertThat(product.path("prices").get(1).path("eventName").asString()).isEqualTo("email_sent");
			JsonNode health = get("/actuator/health/paidCatalog");
			assertThat(health.path("status").asString()).isEqualTo("UP");
			assertThat(health.path("details").path("drift").get(0).asString()).isEqualTo("ai-sdr-001");

			this.paid.seedProduct("AI SDR", "ai-sdr-001");
			Result reconciled = post("{}");
			assertThat(reconciled.status()).isEqualTo(200);
			assertThat(reconciled.json().path("products").get(0).path("status").asString()).isEqualTo("DRIFT");
			assertThat(reconciled.json().path("products").get(0).path("differences").toString())
				.contains("price 'Platform fee': not in Paid");
			assertThat(post("{\"mode\":\"apply\"}").status()).isEqualTo(400);
			assertThat(post("{\"mode\":\"sideways\"}").status()).isEqualTo(400);
			assertThat(this.paid.requests("PUT", "/products")).isEmpty();
		}

	}

	@Nested
	@SpringBootTest(classes = PaidSyncEndpointTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "management.endpoints.web.exposure.include=paidcatalog")
	@AutoConfigureMockPaid
	class ReadOnlyByDefault extends Base {

		@Test
		void readsWorkButAReconcileIsRefused() {
			assertThat(get(ENDPOINT).path("products")).hasSize(1);
			this.paid.clearRequests();
			assertThat(post("{}").status()).isBetween(400, 499);
			assertThat(this.paid.requests()).isEmpty();
		}

	}

	@TestPropertySource(properties = {
			"spring.datasource.url=jdbc:h2:mem:paidcatalog-endpoint-${random.uuid};DB_CLOSE_DELAY=-1",
			"spring.jpa.hibernate.ddl-auto=create-drop", "spring.main.banner-mode=off",
			"paid.catalog.products.ai-sdr-001.name=AI SDR",
			"paid.catalog.products.ai-sdr-001.prices[0].name=Platform fee",
			"paid.catalog.products.ai-sdr-001.prices[0].type=recurring-per-unit",
			"paid.catalog.products.ai-sdr-001.prices[0].unit-price=500",
			"paid.catalog.products.ai-sdr-001.prices[1].name=Usage pricing",
			"paid.catalog.products.ai-sdr-001.prices[1].type=usage-per-unit",
			"paid.catalog.products.ai-sdr-001.prices[1].event-name=email_sent",
			"paid.catalog.products.ai-sdr-001.prices[1].unit-price=0.10" })
	abstract static class Base {

		private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		@Autowired
		MockPaidServer paid;

		@LocalServerPort
		int port;

		JsonNode get(String path) {
			Result result = send(HttpRequest.newBuilder(uri(path)).GET());
			assertThat(result.status()).isEqualTo(200);
			return result.json();
		}

		Result post(String json) {
			return send(HttpRequest.newBuilder(uri(ENDPOINT))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)));
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

		private Result send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString());
				return new Result(response.statusCode(), response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	record Result(int status, String body) {

		JsonNode json() {
			return tools.jackson.databind.json.JsonMapper.builder().build().readTree(this.body);
		}

	}

}
