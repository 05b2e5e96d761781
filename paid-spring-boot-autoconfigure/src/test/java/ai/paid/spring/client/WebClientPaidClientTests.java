package ai.paid.spring.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RecordedRequest;
import ai.paid.spring.test.RequestMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link WebClientPaidClient} against the mock Paid server: every operation, the wire format, and how errors are
 * reported.
 */
class WebClientPaidClientTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private MockPaidServer server() {
		return paid.server();
	}

	private BlockingPaidClient client() {
		return WebClientPaidClient.builder()
			.baseUrl(server().baseUrl())
			.apiKey(server().apiKey())
			.retryPolicy(new PaidRetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)))
			.build()
			.blocking();
	}

	@Test
	void createCustomerPostsToTheTrailingSlashRouteWithHeaders() {
		Customer customer = client().createCustomer(CreateCustomerRequest.of("Acme", "acme-1"));
		assertThat(customer.id()).isNotBlank();
		assertThat(customer.name()).isEqualTo("Acme");
		assertThat(customer.externalId()).isEqualTo("acme-1");
		RecordedRequest request = server().requests().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.relativePath()).isEqualTo("/customers/");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + server().apiKey());
		assertThat(request.header("Accept")).isEqualTo("application/json");
		assertThat(request.header("Content-Type")).startsWith("application/json");
		assertThat(request.header("User-Agent")).matches("paid-spring-boot-starter/[0-9A-Za-z.\\-]+");
		assertThat(request.body()).isEqualTo("{\"name\":\"Acme\",\"externalId\":\"acme-1\"}");
	}

	@Test
	void customerOperations() {
		BlockingPaidClient client = client();
		Customer created = client.createCustomer(CreateCustomerRequest.of("Acme", "acme-1"));
		assertThat(client.getCustomer(created.id()).externalId()).isEqualTo("acme-1");
		assertThat(client.getCustomerByExternalId("acme-1").id()).isEqualTo(created.id());
		Customer renamed = client.updateCustomer(created.id(),
				new UpdateCustomerRequest("Acme Corp", null, null, null, null, null, null, null, null, "VAT1", null));
		assertThat(renamed.name()).isEqualTo("Acme Corp");
		assertThat(renamed.vatNumber()).isEqualTo("VAT1");
		Customer cleared = client.updateCustomerByExternalId("acme-1",
				new UpdateCustomerRequest(null, null, null, null, null, null, null, null, null, null, null)
					.withExplicitNulls("vatNumber"));
		assertThat(cleared.vatNumber()).isNull();
		assertThat(server().requests("PUT", "/customers/external/acme-1").get(0).body())
			.isEqualTo("{\"vatNumber\":null}");
		client.deleteCustomerByExternalId("acme-1");
		assertThat(server().customerByExternalId("acme-1")).isEmpty();
		Customer other = client.createCustomer(CreateCustomerRequest.of("Other", null));
		client.deleteCustomer(other.id());
		assertThat(server().customer(other.id())).isEmpty();
		assertThat(paths()).contains("GET /customers/" + created.id(), "GET /customers/external/acme-1",
				"PUT /customers/" + created.id(), "PUT /customers/external/acme-1",
				"DELETE /customers/external/acme-1", "DELETE /customers/" + other.id());
	}

	@Test
	void externalIdsAreEncodedAsOnePathSegment() {
		BlockingPaidClient client = client();
		client.createCustomer(CreateCustomerRequest.of("Slash", "team/a b"));
		assertThat(client.getCustomerByExternalId("team/a b").name()).isEqualTo("Slash");
		assertThat(server().requests("GET", "/customers/external/").get(0).path()).endsWith("/team%2Fa%20b");
	}

	@Test
	void contactOperations() {
		BlockingPaidClient client = client();
		Customer customer = client.createCustomer(CreateCustomerRequest.of("Acme", "acme-1"));
		Contact contact = client.createContact(new CreateContactRequest(customer.id(), "ann@acme.test", "Ann", "Lee",
				"+1 555", new ContactBillingAddress("1 Main St", "Springfield", null, "US", "12345"), "ann",
				List.of(ContactRole.BILLING)));
		assertThat(contact.customerId()).isEqualTo(customer.id());
		assertThat(contact.roles()).containsExactly(ContactRole.BILLING);
		assertThat(server().requests("POST", "/contacts/").get(0).relativePath()).isEqualTo("/contacts/");
		assertThat(client.getContact(contact.id()).email()).isEqualTo("ann@acme.test");
		assertThat(client.getContactByExternalId("ann").id()).isEqualTo(contact.id());
		assertThat(client.updateContact(contact.id(),
				new UpdateContactRequest(null, null, "Anna", null, null, null, null, null)).firstName())
			.isEqualTo("Anna");
		Contact cleared = client.updateContactByExternalId("ann",
				new UpdateContactRequest(null, null, null, null, null, null, null, null).withExplicitNulls("phone"));
		assertThat(cleared.phone()).isNull();
		client.deleteContactByExternalId("ann");
		assertThat(server().contactByExternalId("ann")).isEmpty();
		Contact bob = client.createContact(new CreateContactRequest(customer.id(), "bob@acme.test", null, null, null,
				null, null, null));
		client.deleteContact(bob.id());
		assertThat(server().contacts()).isEmpty();
	}

	@Test
	void orderOperationsAndCustomerState() {
		BlockingPaidClient client = client();
		Customer customer = client.createCustomer(CreateCustomerRequest.of("Acme", "acme-1"));
		Map<String, Object> product = server().seedProduct("Agent", "agent-1");
		OffsetDateTime start = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		CreateOrderRequest create = new CreateOrderRequest(customer.id(), null, null, "Plan", start, null, 12,
				CreationState.active, null, null, "order-1", Map.of("source", "test"), "USD", null, null, null,
				List.of(new CreateOrderLineRequest((String) product.get("id"), "Calls", null, null, null,
						List.of(new OrderLineAttribute("calls", null,
								OrderLinePricing.usagePerUnit("call", "USD", new BigDecimal("0.25")))))),
				null, null);
		Order order = client.createOrder(create);
		assertThat(order.customerId()).isEqualTo(customer.id());
		assertThat(order.startDate()).isEqualTo(start);
		assertThat(server().requests("POST", "/orders/").get(0).relativePath()).isEqualTo("/orders/");
		assertThat(client.getOrder(order.id()).name()).isEqualTo("Plan");
		Order updated = client.updateOrder(order.id(), new UpdateOrderRequest("Plan B", null, null, null, null, null,
				null, null, null, null, null, null, null, null, null));
		assertThat(updated.name()).isEqualTo("Plan B");
		CustomerState state = client.getCustomerStateByExternalId("acme-1");
		assertThat(state.ordersOrEmpty()).singleElement().satisfies((summary) -> {
			assertThat(summary.id()).isEqualTo(order.id());
			assertThat(summary.externalId()).isEqualTo("order-1");
		});
		client.deleteOrder(order.id());
		assertThat(server().orders()).isEmpty();
	}

	@Test
	void sendSignalsWrapsThemAndCountsDuplicates() {
		BlockingPaidClient client = client();
		List<Signal> signals = List.of(
				new Signal("call", SignalCustomer.byExternalId("acme-1"), SignalAttribution.byExternalId("agent-1"),
						Instant.parse("2026-01-01T00:00:00Z"), Map.of("quantity", 1), "sig-1"),
				new Signal("call", SignalCustomer.byId("cus_1"), null, null, null, "sig-2"));
		BulkSignalsResponse first = client.sendSignals(signals);
		assertThat(first.ingested()).isEqualTo(2);
		BulkSignalsResponse again = client.sendSignals(signals.subList(0, 1));
		assertThat(again.duplicates()).isEqualTo(1);
		RecordedRequest request = server().requests("POST", "/signals/bulk").get(0);
		assertThat(request.jsonBody().get("signals").get(0).get("customer").get("externalCustomerId").asString())
			.isEqualTo("acme-1");
	}

	@Test
	void productOperations() {
		Map<String, Object> product = server().seedProduct("Agent", "agent-1");
		BlockingPaidClient client = client();
		assertThat(client.getProduct((String) product.get("id")).name()).isEqualTo("Agent");
		assertThat(client.getProductByExternalId("agent-1").id()).isEqualTo(product.get("id"));
	}

	@Test
	void badRequestCarriesPaidsError() {
		PaidApiException ex = catchPaid(() -> client().createCustomer(CreateCustomerRequest.of("", null)));
		assertThat(ex.getStatus()).isEqualTo(400);
		assertThat(ex.getError()).isNotBlank();
		assertThat(ex.getCode()).isNotBlank();
		assertThat(ex.isRetryable()).isFalse();
		assertThat(ex.getMessage()).startsWith("Paid answered 400 to POST /customers/: ");
	}

	@Test
	void rejectedKeyIsReportedWithoutTheKey() {
		String wrongKey = "sk_wrong_key_that_must_not_leak";
		BlockingPaidClient client = WebClientPaidClient.builder()
			.baseUrl(server().baseUrl())
			.apiKey(wrongKey)
			.build()
			.blocking();
		PaidApiException ex = catchPaid(() -> client.getCustomer("cus_1"));
		assertThat(ex.getStatus()).isEqualTo(403);
		assertThat(ex.isCredentialsRejected()).isTrue();
		assertThat(ex.isRetryable()).isFalse();
		assertThat(ex.getMessage()).doesNotContain(wrongKey);
		assertThat(ex.toString()).doesNotContain(wrongKey);
		assertThat(server().requests()).hasSize(1);
	}

	@Test
	void notFoundIsNotRetried() {
		PaidApiException ex = catchPaid(() -> client().getCustomerByExternalId("nobody"));
		assertThat(ex.isNotFound()).isTrue();
		assertThat(ex.isRetryable()).isFalse();
		assertThat(server().requests()).hasSize(1);
	}

	@Test
	void serverErrorIsRetriedUntilAttemptsRunOut() {
		server().failNext(5, 500, RequestMatch.path("/customers/"));
		PaidApiException ex = catchPaid(() -> client().getCustomer("cus_1"));
		assertThat(ex.getStatus()).isEqualTo(500);
		assertThat(ex.isRetryable()).isTrue();
		assertThat(server().requests()).hasSize(3);
	}

	@Test
	void serviceUnavailableIsRetriedThenSucceeds() {
		Map<String, Object> seeded = server().seedCustomer("Acme", "acme-1");
		server().failNext(2, 503, RequestMatch.of("GET", "/customers/"));
		assertThat(client().getCustomerByExternalId("acme-1").id()).isEqualTo(seeded.get("id"));
		assertThat(server().requests("GET", "/customers/")).hasSize(3);
	}

	@Test
	void retryAfterSecondsIsHonoured() {
		server().seedCustomer("Acme", "acme-1");
		server().failNext(1, 429, Duration.ofSeconds(1), RequestMatch.of("GET", "/customers/"));
		long start = System.nanoTime();
		client().getCustomerByExternalId("acme-1");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		// the backoff alone would be at most 10 ms
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(server().requests()).hasSize(2);
	}

	@Test
	void creatingPostsAreNeverRetried() {
		BlockingPaidClient client = client();
		Customer customer = client.createCustomer(CreateCustomerRequest.of("Acme", "acme-1"));
		server().clearRequests();
		server().failNext(3, 503, RequestMatch.of("POST", "/"));
		assertThat(catchPaid(() -> client.createCustomer(CreateCustomerRequest.of("B", "b"))).getStatus())
			.isEqualTo(503);
		assertThat(catchPaid(() -> client.createContact(
				new CreateContactRequest(customer.id(), "a@b.test", null, null, null, null, null, null)))
			.isRetryable()).isTrue();
		assertThat(catchPaid(() -> client.createOrder(CreateOrderRequest.of(customer.id(), "O", "o-1", null)))
			.getStatus()).isEqualTo(503);
		assertThat(server().requests()).extracting(RecordedRequest::relativePath)
			.containsExactly("/customers/", "/contacts/", "/orders/");
	}

	@Test
	void signalsPostIsRetried() {
		server().failNext(1, 503, RequestMatch.of("POST", "/signals/bulk"));
		BulkSignalsResponse response = client()
			.sendSignals(List.of(new Signal("call", SignalCustomer.byExternalId("c"), null, null, null, "k")));
		assertThat(response.ingested()).isEqualTo(1);
		assertThat(server().requests("POST", "/signals/bulk")).hasSize(2);
	}

	@Test
	void withoutRetriesSendsOnce() {
		server().failNext(1, 503);
		PaidClient client = WebClientPaidClient.builder()
			.baseUrl(server().baseUrl())
			.apiKey(server().apiKey())
			.build()
			.withoutRetries();
		PaidApiException ex = catchPaid(() -> client.blocking().getCustomer("cus_1"));
		assertThat(ex.getStatus()).isEqualTo(503);
		assertThat(ex.isRetryable()).isTrue();
		assertThat(server().requests()).hasSize(1);
	}

	@Test
	void droppedConnectionIsRetriedForIdempotentCalls() {
		server().seedCustomer("Acme", "acme-1");
		server().dropConnections(1);
		assertThat(client().getCustomerByExternalId("acme-1").name()).isEqualTo("Acme");
	}

	@Test
	void responseTimeoutGivesStatusZero() {
		server().latency(Duration.ofSeconds(3));
		BlockingPaidClient client = WebClientPaidClient.builder()
			.baseUrl(server().baseUrl())
			.apiKey(server().apiKey())
			.responseTimeout(Duration.ofMillis(300))
			.retryPolicy(PaidRetryPolicy.none())
			.build()
			.blocking();
		long start = System.nanoTime();
		PaidApiException ex = catchPaid(() -> client.getCustomer("cus_1"));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(ex.getStatus()).isZero();
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.getMessage()).startsWith("Timed out waiting for Paid on GET /customers/cus_1");
		assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void connectionRefusedGivesStatusZero() throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		BlockingPaidClient client = WebClientPaidClient.builder()
			.baseUrl("http://127.0.0.1:" + port + "/api/v2")
			.apiKey("k")
			.retryPolicy(PaidRetryPolicy.none())
			.build()
			.blocking();
		PaidApiException ex = catchPaid(() -> client.getCustomer("cus_1"));
		assertThat(ex.getStatus()).isZero();
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.getMessage()).startsWith("No response from Paid to GET /customers/cus_1");
	}

	@Test
	void blockingRefusesOnNonBlockingThreads() {
		BlockingPaidClient client = client();
		assertThatIllegalStateException()
			.isThrownBy(() -> Mono.fromCallable(() -> client.getCustomer("cus_1"))
				.subscribeOn(Schedulers.parallel())
				.block())
			.withMessageContaining("non-blocking thread");
		assertThat(server().requests()).isEmpty();
	}

	@Test
	void blockingRefusesOnTheNettyEventLoop() {
		server().seedCustomer("Acme", "acme-1");
		WebClientPaidClient client = WebClientPaidClient.builder()
			.baseUrl(server().baseUrl())
			.apiKey(server().apiKey())
			.build();
		// map runs on the Reactor Netty thread that received the response
		Mono<Customer> nested = client.getCustomerByExternalId("acme-1")
			.map((customer) -> client.blocking().getCustomer(customer.id()));
		assertThatIllegalStateException().isThrownBy(nested::block).withMessageContaining("reactor-http");
		assertThat(server().requests()).hasSize(1);
	}

	@Test
	void reactiveCallsAreLazy() {
		WebClientPaidClient client = WebClientPaidClient.builder()
			.baseUrl(server().baseUrl())
			.apiKey(server().apiKey())
			.build();
		Mono<Customer> call = client.getCustomer("cus_1");
		assertThat(server().requests()).isEmpty();
		assertThatExceptionOfType(PaidApiException.class).isThrownBy(call::block);
		assertThat(server().requests()).hasSize(1);
	}

	private List<String> paths() {
		return server().requests().stream().map((r) -> r.method() + " " + r.relativePath()).toList();
	}

	static PaidApiException catchPaid(Runnable call) {
		try {
			call.run();
		}
		catch (PaidApiException ex) {
			return ex;
		}
		throw new AssertionError("Expected a PaidApiException");
	}

}
