package ai.paid.spring.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits until the {@link MockPaidServer} holds what an asynchronous delivery should have sent: the starter delivers
 * entity changes after the commit and signals in the background, so a test asserts on Paid's state once it arrived,
 * never right after {@code save(...)}. Each method polls the mock's state until the condition holds and returns what
 * it found, or fails with an {@link AssertionError} naming what was awaited and the requests the mock received.
 * <pre class="code">
 * accounts.save(new Account("acme-1", "Acme Ltd"));
 * Map&lt;String, Object&gt; customer = paid.await().customer("acme-1");
 * assertThat(customer).containsEntry("name", "Acme Ltd");
 * paid.await().customer("acme-1", (c) -&gt; "Acme Inc".equals(c.get("name")));   // an update arrived
 * </pre>
 */
public final class MockPaidAwait {

	/** How long {@link MockPaidServer#await()} waits. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private static final int REQUESTS_SHOWN = 10;

	private final MockPaidServer server;

	private final Duration timeout;

	MockPaidAwait(MockPaidServer server, Duration timeout) {
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
		}
		this.server = server;
		this.timeout = timeout;
	}

	/**
	 * Wait until the mock holds a customer with the given external id.
	 * @param externalId the customer's external id (your entity's id)
	 * @return the customer, with Paid's wire names
	 */
	public Map<String, Object> customer(String externalId) {
		return customer(externalId, (customer) -> true);
	}

	/**
	 * Wait until the mock holds a customer with the given external id that satisfies a condition (an update arrived).
	 * @param externalId the customer's external id
	 * @param condition what the customer must satisfy
	 * @return the customer
	 */
	public Map<String, Object> customer(String externalId, Predicate<Map<String, Object>> condition) {
		return poll("a customer with externalId '" + externalId + "'",
				() -> this.server.customerByExternalId(externalId).filter(condition));
	}

	/**
	 * Wait until the mock no longer holds a customer with the given external id (a delete arrived).
	 * @param externalId the customer's external id
	 */
	public void noCustomer(String externalId) {
		poll("no customer with externalId '" + externalId + "'",
				() -> this.server.customerByExternalId(externalId).isPresent() ? Optional.empty() : Optional.of(true));
	}

	/**
	 * Wait until the mock holds a contact with the given external id.
	 * @param externalId the contact's external id
	 * @return the contact
	 */
	public Map<String, Object> contact(String externalId) {
		return contact(externalId, (contact) -> true);
	}

	/**
	 * Wait until the mock holds a contact with the given external id that satisfies a condition.
	 * @param externalId the contact's external id
	 * @param condition what the contact must satisfy
	 * @return the contact
	 */
	public Map<String, Object> contact(String externalId, Predicate<Map<String, Object>> condition) {
		return poll("a contact with externalId '" + externalId + "'",
				() -> this.server.contactByExternalId(externalId).filter(condition));
	}

	/**
	 * Wait until the mock holds an order with the given external id.
	 * @param externalId the order's external id
	 * @return the order (the first one, should several carry the id)
	 */
	public Map<String, Object> order(String externalId) {
		return order(externalId, (order) -> true);
	}

	/**
	 * Wait until the mock holds an order with the given external id that satisfies a condition.
	 * @param externalId the order's external id
	 * @param condition what the order must satisfy
	 * @return the order
	 */
	public Map<String, Object> order(String externalId, Predicate<Map<String, Object>> condition) {
		return poll("an order with externalId '" + externalId + "'",
				() -> this.server.ordersByExternalId(externalId).stream().filter(condition).findFirst());
	}

	/**
	 * Wait until the mock has ingested at least the given number of signals.
	 * @param count how many signals
	 * @return the ingested signals, in arrival order
	 */
	public List<Map<String, Object>> signals(int count) {
		return poll("at least " + count + " ingested signal(s)", () -> {
			List<Map<String, Object>> signals = this.server.signals();
			return (signals.size() >= count) ? Optional.of(signals) : Optional.empty();
		});
	}

	/**
	 * Wait until the mock has ingested a signal with the given event name.
	 * @param eventName the signal's event name
	 * @return the first such signal
	 */
	public Map<String, Object> signal(String eventName) {
		return poll("a signal '" + eventName + "'", () -> this.server.signals()
			.stream()
			.filter((signal) -> eventName.equals(signal.get("eventName")))
			.findFirst());
	}

	/**
	 * Wait until a condition on the mock holds.
	 * @param description what is awaited, for the failure message
	 * @param condition the condition
	 */
	public void until(String description, BooleanSupplier condition) {
		poll(description, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
	}

	private <T> T poll(String description, Supplier<Optional<T>> probe) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (true) {
			Optional<T> found = probe.get();
			if (found.isPresent()) {
				return found.get();
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new AssertionError(failure(description));
			}
			LockSupport.parkNanos(POLL_NANOS);
			if (Thread.interrupted()) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for " + description);
			}
		}
	}

	private String failure(String description) {
		List<RecordedRequest> requests = this.server.requests();
		StringBuilder message = new StringBuilder("Mock Paid did not hold ").append(description)
			.append(" within ")
			.append(this.timeout.toMillis())
			.append(" ms. It received ")
			.append(requests.size())
			.append(" request(s)");
		if (requests.isEmpty()) {
			message.append(": is the starter pointed at it (@AutoConfigureMockPaid, paid.base-url), and did the "
					+ "transaction commit?");
		}
		else {
			message.append(", the latest:");
			requests.subList(Math.max(0, requests.size() - REQUESTS_SHOWN), requests.size())
				.forEach((request) -> message.append("\n  ").append(request.method()).append(' ').append(request.path()));
			message.append("\nIf deliveries fail, the starter's log says why (WARN from ai.paid.spring.outbox).");
		}
		return message.toString();
	}

}
