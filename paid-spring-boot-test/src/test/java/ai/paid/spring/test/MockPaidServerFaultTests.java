package ai.paid.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the mock's fault injection, over real HTTP.
 */
@ExtendWith(MockPaidServerExtension.class)
class MockPaidServerFaultTests {

	private MockPaidServer paid;

	private PaidHttp http;

	@BeforeEach
	void setUp(MockPaidServer paid) {
		this.paid = paid;
		this.http = new PaidHttp(paid);
	}

	@Test
	void failNextAnswersTheNextRequestsWithTheStatusWithoutProcessingThem() {
		this.paid.failNext(2, 503);
		PaidHttp.Response first = this.http.post("/customers/", "{\"name\":\"Acme\"}");
		assertThat(first.status()).isEqualTo(503);
		assertThat(first.text("error")).isEqualTo("Service Unavailable");
		assertThat(first.text("code")).isEqualTo("INJECTED_FAULT");
		assertThat(first.header("Retry-After")).isNull();
		assertThat(this.http.post("/customers/", "{\"name\":\"Acme\"}").status()).isEqualTo(503);
		assertThat(this.paid.customers()).isEmpty();
		assertThat(this.http.post("/customers/", "{\"name\":\"Acme\"}").status()).isEqualTo(201);
	}

	@Test
	void failNextOnlyHitsMatchingRequests() {
		this.paid.failNext(1, 500, RequestMatch.of("POST", "/orders"));
		assertThat(this.http.get("/orders/").status()).isEqualTo(200);
		assertThat(this.http.post("/customers/", "{\"name\":\"Acme\"}").status()).isEqualTo(201);
		assertThat(this.http.post("/orders/", "{}").status()).isEqualTo(500);
		assertThat(this.http.post("/orders/", "{}").status()).as("budget used up").isEqualTo(400);
	}

	@Test
	void failNextCanSendRetryAfterInWholeSeconds() {
		this.paid.failNext(1, 429, Duration.ofMillis(1500), RequestMatch.path("/signals/bulk"));
		PaidHttp.Response response = this.http.post("/signals/bulk", "{\"signals\":[]}");
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.header("Retry-After")).isEqualTo("2");
		assertThat(response.text("error")).isEqualTo("Too Many Requests");
	}

	@Test
	void failNextWithRetryAfterAppliesToAnyRequestWhenNoMatchIsGiven() {
		this.paid.failNext(1, 503, Duration.ofSeconds(3));
		PaidHttp.Response response = this.http.get("/orders/");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("3");
	}

	@Test
	void failForFailsEveryRequestDuringTheWindowThenRecovers() {
		this.paid.failFor(Duration.ofMillis(500), 503);
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get("/customers/").status()).isEqualTo(503);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.http.get("/customers/").status() == 200);
	}

	@Test
	void latencyDelaysResponsesWithoutBlockingTheEventLoop() {
		this.paid.latency(Duration.ofMillis(400));
		long start = System.nanoTime();
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 16)
			.mapToObj((i) -> this.http.client()
				.sendAsync(this.http.request("GET", "/customers/", null), HttpResponse.BodyHandlers.ofString()))
			.toList();
		responses.forEach((response) -> assertThat(response.join().statusCode()).isEqualTo(200));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(400))
			.as("16 delayed requests on 2 event loops overlap").isLessThan(Duration.ofMillis(3000));
		this.paid.latency(Duration.ZERO);
		long quick = System.nanoTime();
		this.http.get("/customers/");
		assertThat(Duration.ofNanos(System.nanoTime() - quick)).isLessThan(Duration.ofMillis(400));
	}

	@Test
	void dropConnectionsClosesWithoutProcessingOrAnswering() {
		this.paid.dropConnections(1, RequestMatch.of("POST", "/customers"));
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.http.post("/customers/", "{\"name\":\"Acme\"}"))
			.withCauseInstanceOf(IOException.class);
		assertThat(this.paid.customers()).isEmpty();
		assertThat(this.http.post("/customers/", "{\"name\":\"Acme\"}").status()).isEqualTo(201);
	}

	@Test
	void crashAfterProcessingChangesStateButGivesNoAnswer() {
		String customerId = this.http.post("/customers/", "{\"name\":\"Acme\",\"externalId\":\"acme-1\"}").text("id");
		this.paid.crashAfterProcessing(1);
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.http.post("/orders/",
				"{\"customerId\":\"" + customerId + "\",\"externalId\":\"o-1\"}"));
		assertThat(this.paid.ordersByExternalId("o-1")).hasSize(1);
		PaidHttp.Response state = this.http.get("/customers/external/acme-1/state");
		assertThat(state.json().get("orders").get(0).get("externalId").asString()).isEqualTo("o-1");
	}

	@Test
	void faultsApplyEvenWithoutAValidKeyAndClearFaultsRemovesThem() {
		this.paid.failNext(1, 500);
		assertThat(this.http.withKey(null).get("/customers/").status()).isEqualTo(500);
		this.paid.failNext(5, 500).latency(Duration.ofSeconds(5)).clearFaults();
		assertThat(this.http.get("/customers/").status()).isEqualTo(200);
	}

	@Test
	void countedFaultsAreConsumedExactlyOnceUnderConcurrency() {
		this.paid.failNext(10, 503);
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 40)
			.mapToObj((i) -> this.http.client()
				.sendAsync(this.http.request("GET", "/customers/", null), HttpResponse.BodyHandlers.ofString()))
			.toList();
		long failed = responses.stream().filter((response) -> response.join().statusCode() == 503).count();
		assertThat(failed).isEqualTo(10);
	}

}
