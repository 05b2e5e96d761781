package ai.paid.spring.test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MockPaidAwait}: waiting for what arrives at the mock after the test's own call returned.
 */
class MockPaidAwaitTests {

	private final MockPaidServer server = new MockPaidServer().start();

	private final PaidHttp http = new PaidHttp(this.server.baseUrl(), this.server.apiKey());

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void returnsACustomerThatArrivesAfterTheCall() {
		later(() -> this.http.post("/customers/", "{\"name\":\"Acme Ltd\",\"externalId\":\"acme-1\"}"));
		assertThat(this.server.customerByExternalId("acme-1")).isEmpty();
		Map<String, Object> customer = this.server.await().customer("acme-1");
		assertThat(customer).containsEntry("name", "Acme Ltd").containsEntry("externalId", "acme-1");
	}

	@Test
	void waitsForACustomerToSatisfyACondition() {
		this.server.seedCustomer("Acme Ltd", "acme-1");
		later(() -> this.http.put("/customers/external/acme-1", "{\"name\":\"Acme Inc\"}"));
		Map<String, Object> customer = this.server.await().customer("acme-1", (c) -> "Acme Inc".equals(c.get("name")));
		assertThat(customer).containsEntry("name", "Acme Inc");
	}

	@Test
	void waitsForADelete() {
		this.server.seedCustomer("Acme Ltd", "acme-1");
		later(() -> this.http.delete("/customers/external/acme-1"));
		this.server.await().noCustomer("acme-1");
		assertThat(this.server.customerByExternalId("acme-1")).isEmpty();
	}

	@Test
	void waitsForContactsOrdersAndSignals() {
		Object customerId = this.server.seedCustomer("Acme Ltd", "acme-1").get("id");
		later(() -> {
			this.http.post("/contacts/", "{\"customerId\":\"" + customerId + "\",\"externalId\":\"c-john\","
					+ "\"firstName\":\"John\",\"lastName\":\"Doe\",\"email\":\"john@acme.test\"}");
			this.http.post("/signals/bulk", "{\"signals\":[{\"eventName\":\"email_sent\",\"customer\":"
					+ "{\"externalCustomerId\":\"acme-1\"},\"idempotencyKey\":\"k-1\"}]}");
		});
		assertThat(this.server.await().contact("c-john")).containsEntry("firstName", "John");
		assertThat(this.server.await().signal("email_sent")).containsEntry("idempotencyKey", "k-1");
		assertThat(this.server.await().signals(1)).hasSize(1);
	}

	@Test
	void failsNamingWhatWasAwaitedAndTheRequestsTheMockReceived() {
		this.http.get("/customers/external/acme-9");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.server.await(Duration.ofMillis(100)).customer("acme-1"))
			.withMessageStartingWith("Mock Paid did not hold a customer with externalId 'acme-1' within 100 ms. "
					+ "It received 1 request(s), the latest:\n  GET /api/v2/customers/external/acme-9");
	}

	@Test
	void failsWithAHintWhenNothingArrivedAtAll() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.server.await(Duration.ofMillis(50)).order("sub-1"))
			.withMessageContaining("It received 0 request(s): is the starter pointed at it");
	}

	private static void later(Runnable action) {
		CompletableFuture.runAsync(action, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
	}

}
