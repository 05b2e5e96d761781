package ai.paid.spring.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WebClientPaidClient} against canned answers the mock Paid server does not give: non-JSON error bodies, v1
 * error bodies and {@code Retry-After} as an HTTP date.
 */
class WebClientPaidClientStubTests {

	private final StubHttpServer stub = new StubHttpServer();

	@AfterEach
	void stop() {
		this.stub.close();
	}

	private BlockingPaidClient client() {
		return WebClientPaidClient.builder()
			.baseUrl(this.stub.baseUrl())
			.apiKey("k")
			.retryPolicy(new PaidRetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)))
			.build()
			.blocking();
	}

	@Test
	void aCallIsNamedWithItsVariablesInPlace() {
		assertThat(WebClientPaidClient.describe(org.springframework.http.HttpMethod.PUT,
				"/customers/external/{externalId}/users/{userId}", "acme-1", "usr_{jane}"))
			.isEqualTo("PUT /customers/external/acme-1/users/usr_{jane}");
		assertThat(WebClientPaidClient.describe(org.springframework.http.HttpMethod.POST, "/signals/bulk"))
			.isEqualTo("POST /signals/bulk");
	}

	@Test
	void nonJsonErrorBodyGivesStatusAndSnippet() {
		this.stub.enqueue(404, Map.of("Content-Type", "text/html"), "<html><h1>Not Found</h1></html>");
		PaidApiException ex = catchPaid(() -> client().getProduct("prod_1"));
		assertThat(ex.getStatus()).isEqualTo(404);
		assertThat(ex.getMessage())
			.isEqualTo("Paid answered 404 to GET /products/prod_1 with a non-JSON body: <html><h1>Not Found</h1></html>");
	}

	@Test
	void v1ErrorBodyIsParsed() {
		this.stub.enqueue(400, Map.of("Content-Type", "application/json"),
				"{\"error\":{\"message\":\"bad\",\"code\":\"E1\",\"details\":\"d\"}}");
		PaidApiException ex = catchPaid(() -> client().createCustomer(CreateCustomerRequest.of("A", null)));
		assertThat(ex.getError()).isEqualTo("bad");
		assertThat(ex.getCode()).isEqualTo("E1");
		assertThat(ex.getDetails()).isEqualTo("d");
	}

	@Test
	void nonJsonSuccessBodyIsReportedAsUnreadable() {
		this.stub.enqueue(200, Map.of("Content-Type", "application/json"), "not json");
		PaidApiException ex = catchPaid(() -> client().getProduct("prod_1"));
		assertThat(ex.getStatus()).isEqualTo(200);
		assertThat(ex.isRetryable()).isFalse();
		assertThat(ex.getMessage()).startsWith("Paid answered 200 to GET /products/prod_1 with a body that could not be read");
	}

	@Test
	void retryAfterHttpDateIsHonoured() {
		// HTTP dates have whole seconds: two seconds ahead is at least one second from now
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2).withNano(0));
		this.stub.enqueue(503, Map.of("Retry-After", date), "{\"error\":\"maintenance\"}")
			.enqueue(200, Map.of("Content-Type", "application/json"), "{\"id\":\"prod_1\",\"name\":\"Agent\"}");
		long start = System.nanoTime();
		Product product = client().getProduct("prod_1");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(product.name()).isEqualTo("Agent");
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(this.stub.paths).hasSize(2);
	}

	@Test
	void deleteAcceptsEmptyObjectBody() {
		this.stub.enqueue(200, Map.of("Content-Type", "application/json"), "{}");
		client().deleteOrder("ord_1");
		assertThat(this.stub.paths).containsExactly("DELETE /api/v2/orders/ord_1");
	}

	private static PaidApiException catchPaid(Runnable call) {
		try {
			call.run();
		}
		catch (PaidApiException ex) {
			return ex;
		}
		throw new AssertionError("Expected a PaidApiException");
	}

}
