package ai.paid.spring.test;

// Why this class is long: over 300 lines because it is the mock's whole public API for tests: start and stop, faults,
// and one accessor per resource; the routes themselves are classes of their own.

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful, in-memory emulator of Paid's v2 REST API for tests, in the spirit of stripe-mock. It serves
 * customers (with their users and credit balances), contacts, orders (with lines), products (with priced
 * attributes), signals, costs and webhooks (see {@link #webhooks()}) under {@link #baseUrl()} (which ends in
 * {@code /api/v2}) with Paid's wire names and status codes:
 * <ul>
 * <li>201 on create, 200 otherwise; {@code {}} on delete;</li>
 * <li>403 (or 401, see {@link #authFailureStatus(int)}) without {@code Authorization: Bearer <apiKey>};</li>
 * <li>400 with {@code {"error", "code", "details"}} for a missing required field, a wrong type, an unknown field
 * (a wrong wire name; see {@link #rejectUnknownFields(boolean)}), or a {@code customerId} that does not exist;</li>
 * <li>404 for unknown ids and external ids.</li>
 * </ul>
 * Where Paid's behaviour is undocumented the mock makes a choice that can be switched: a duplicate {@code externalId}
 * on create (see {@link DuplicateExternalIdBehavior}); deleting a customer that still has contacts or orders is
 * allowed and leaves them in place; orders may share an external id. The {@code Order} response has no
 * {@code externalId} and no {@code currency}, as in Paid, but the external id is served in the customer's state.
 * <p>
 * Every request is recorded (the most recent 10,000 by default) and faults can be injected: error statuses, with or
 * without {@code Retry-After}, for the next N requests or for a time window; dropped connections; a crash after
 * processing (the state changes, the client gets no answer); added latency.
 * <p>
 * The server is thread-safe. {@link #start()} binds to {@code 127.0.0.1} on a free port unless told otherwise;
 * {@link #close()} stops it. {@link #toString()} never shows the API key.
 */
public final class MockPaidServer implements AutoCloseable {

	/** The API key used when none is given. */
	public static final String DEFAULT_API_KEY = "test-key";

	private final String apiKey;

	private final MockPaidStore store = new MockPaidStore();

	private final MockSettings settings = new MockSettings();

	private final FaultInjector faults = new FaultInjector();

	private final RequestRecorder recorder = new RequestRecorder();

	private final MockWebhooks webhooks = new MockWebhooks();

	private final MockRouter router = new MockRouter(this.store, this.settings, this.webhooks);

	private final EmbeddedHttpServer server;

	/**
	 * Create a server for {@code 127.0.0.1} on a free port with the {@link #DEFAULT_API_KEY}.
	 */
	public MockPaidServer() {
		this("127.0.0.1", 0, DEFAULT_API_KEY);
	}

	/**
	 * Create a server for {@code 127.0.0.1} on a free port.
	 * @param apiKey the API key clients must send as bearer token
	 */
	public MockPaidServer(String apiKey) {
		this("127.0.0.1", 0, apiKey);
	}

	/**
	 * Create a server.
	 * @param host the address to bind to
	 * @param port the port, {@code 0} for a free one
	 * @param apiKey the API key clients must send as bearer token
	 */
	public MockPaidServer(String host, int port, String apiKey) {
		if (apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey must not be blank");
		}
		this.server = new EmbeddedHttpServer("paid-mock", "MockPaidServer", host, port);
		this.apiKey = apiKey;
	}

	/**
	 * Start listening. Does nothing if already started.
	 * @return this server
	 */
	public MockPaidServer start() {
		this.server.start(() -> new MockHttpHandler(this.router, this.settings, this.faults, this.recorder,
				this.apiKey));
		return this;
	}

	/**
	 * Stop listening and release the event loop threads. State is kept; the server can be started again (on a new
	 * port when it was started on a free one).
	 */
	public void stop() {
		this.server.stop();
	}

	/**
	 * Same as {@link #stop()}.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Return whether the server is listening.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 * @throws IllegalStateException if the server is not started
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Return the base URL to configure a Paid client with, e.g. {@code http://127.0.0.1:51234/api/v2}.
	 * @return the base URL
	 * @throws IllegalStateException if the server is not started
	 */
	public String baseUrl() {
		return this.server.origin() + MockPaths.API_PREFIX;
	}

	/**
	 * Return the API key clients must send.
	 * @return the API key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	// ---- switches

	/**
	 * Choose how a create with an {@code externalId} already in use is answered (default
	 * {@link DuplicateExternalIdBehavior#REJECT_400}). An update that would duplicate an external id gets 409 with
	 * {@code CONFLICT_409} and 400 otherwise.
	 * @param behavior the behaviour
	 * @return this server
	 */
	public MockPaidServer duplicateExternalIdBehavior(DuplicateExternalIdBehavior behavior) {
		this.settings.duplicateExternalIdBehavior = behavior;
		return this;
	}

	/**
	 * Choose the status for a missing or wrong API key: 403 (default, what Paid declares) or 401.
	 * @param status 401 or 403
	 * @return this server
	 */
	public MockPaidServer authFailureStatus(int status) {
		if (status != 401 && status != 403) {
			throw new IllegalArgumentException("status must be 401 or 403");
		}
		this.settings.authFailureStatus = status;
		return this;
	}

	/**
	 * Choose whether request bodies with fields Paid does not know are rejected with 400 (default {@code true}).
	 * When off, unknown fields are ignored.
	 * @param reject whether to reject unknown fields
	 * @return this server
	 */
	public MockPaidServer rejectUnknownFields(boolean reject) {
		this.settings.rejectUnknownFields = reject;
		return this;
	}

	/**
	 * Choose whether a signal whose customer does not exist is counted as {@code failed} instead of being ingested
	 * (default {@code false}: ingested).
	 * @param fail whether such signals fail
	 * @return this server
	 */
	public MockPaidServer failSignalsForUnknownCustomers(boolean fail) {
		this.settings.failSignalsForUnknownCustomers = fail;
		return this;
	}

	/**
	 * Set how many recent requests are kept (default 10,000; {@code 0} turns recording off).
	 * @param limit the number of requests to keep
	 * @return this server
	 */
	public MockPaidServer recordedRequestLimit(int limit) {
		this.recorder.limit(limit);
		return this;
	}

	// ---- fault injection

	/**
	 * Answer the next {@code count} requests with {@code status} and an error body, without processing them.
	 * @param count how many requests
	 * @param status the status, e.g. 500, 503, 429
	 * @return this server
	 */
	public MockPaidServer failNext(int count, int status) {
		return failNext(count, status, RequestMatch.any());
	}

	/**
	 * Answer the next {@code count} matching requests with {@code status}, without processing them.
	 * @param count how many requests
	 * @param status the status
	 * @param match which requests
	 * @return this server
	 */
	public MockPaidServer failNext(int count, int status, RequestMatch match) {
		this.faults.addCounted(match, MockFault.fail(status, null), count);
		return this;
	}

	/**
	 * Answer the next {@code count} requests with {@code status} and a {@code Retry-After} header (whole seconds,
	 * rounded up), without processing them.
	 * @param count how many requests
	 * @param status the status, typically 429 or 503
	 * @param retryAfter the delay to announce
	 * @return this server
	 */
	public MockPaidServer failNext(int count, int status, Duration retryAfter) {
		return failNext(count, status, retryAfter, RequestMatch.any());
	}

	/**
	 * Answer the next {@code count} matching requests with {@code status} and a {@code Retry-After} header (whole
	 * seconds, rounded up), without processing them.
	 * @param count how many requests
	 * @param status the status, typically 429 or 503
	 * @param retryAfter the delay to announce
	 * @param match which requests
	 * @return this server
	 */
	public MockPaidServer failNext(int count, int status, Duration retryAfter, RequestMatch match) {
		this.faults.addCounted(match, MockFault.fail(status, retryAfter), count);
		return this;
	}

	/**
	 * Answer every request with {@code status} for a time window from now ("Paid is down for 30 seconds").
	 * @param window how long
	 * @param status the status
	 * @return this server
	 */
	public MockPaidServer failFor(Duration window, int status) {
		return failFor(window, status, RequestMatch.any());
	}

	/**
	 * Answer every matching request with {@code status} for a time window from now.
	 * @param window how long
	 * @param status the status
	 * @param match which requests
	 * @return this server
	 */
	public MockPaidServer failFor(Duration window, int status, RequestMatch match) {
		this.faults.addTimed(match, MockFault.fail(status, null), window);
		return this;
	}

	/**
	 * Close the connection of the next {@code count} requests without processing or answering them.
	 * @param count how many requests
	 * @return this server
	 */
	public MockPaidServer dropConnections(int count) {
		return dropConnections(count, RequestMatch.any());
	}

	/**
	 * Close the connection of the next {@code count} matching requests without processing or answering them.
	 * @param count how many requests
	 * @param match which requests
	 * @return this server
	 */
	public MockPaidServer dropConnections(int count, RequestMatch match) {
		this.faults.addCounted(match, MockFault.drop(), count);
		return this;
	}

	/**
	 * Process the next {@code count} requests (state changes as usual) but close the connection instead of
	 * answering.
	 * @param count how many requests
	 * @return this server
	 */
	public MockPaidServer crashAfterProcessing(int count) {
		return crashAfterProcessing(count, RequestMatch.any());
	}

	/**
	 * Process the next {@code count} matching requests (state changes as usual) but close the connection instead of
	 * answering: the client cannot know whether, say, its order was created.
	 * @param count how many requests
	 * @param match which requests
	 * @return this server
	 */
	public MockPaidServer crashAfterProcessing(int count, RequestMatch match) {
		this.faults.addCounted(match, MockFault.crashAfterProcessing(), count);
		return this;
	}

	/**
	 * Delay every response (and every dropped connection) by {@code latency}; {@link Duration#ZERO} turns it off.
	 * The delay does not block the event loop.
	 * @param latency the added latency
	 * @return this server
	 */
	public MockPaidServer latency(Duration latency) {
		this.faults.latency(latency);
		return this;
	}

	/**
	 * Remove all injected faults and latency.
	 * @return this server
	 */
	public MockPaidServer clearFaults() {
		this.faults.clear();
		return this;
	}

	// ---- recorded requests

	/**
	 * Return the recorded requests, oldest first.
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		return this.recorder.all();
	}

	/**
	 * Return the recorded requests with the given method whose path starts with the given prefix.
	 * @param method the HTTP method, or {@code null} for any
	 * @param pathPrefix the path prefix relative to {@link #baseUrl()}, e.g. {@code "/customers"}
	 * @return the requests, oldest first
	 */
	public List<RecordedRequest> requests(@Nullable String method, String pathPrefix) {
		return requests(new RequestMatch(method, pathPrefix));
	}

	/**
	 * Return the recorded requests that match.
	 * @param match which requests
	 * @return the requests, oldest first
	 */
	public List<RecordedRequest> requests(RequestMatch match) {
		return this.recorder.matching(match);
	}

	/**
	 * Forget the recorded requests.
	 */
	public void clearRequests() {
		this.recorder.clear();
	}

	// ---- state

	/**
	 * Return the customers, in creation order, as JSON-like maps with Paid's wire names.
	 * @return the customers
	 */
	public List<Map<String, Object>> customers() {
		return MockJson.toMaps(this.store.customers.list());
	}

	/**
	 * Return a customer by its Paid id.
	 * @param id the id
	 * @return the customer, if it exists
	 */
	public Optional<Map<String, Object>> customer(String id) {
		return optional(this.store.customers.get(id));
	}

	/**
	 * Return a customer by its external id.
	 * @param externalId the external id
	 * @return the customer, if it exists
	 */
	public Optional<Map<String, Object>> customerByExternalId(String externalId) {
		return optional(this.store.customers.getByExternalId(externalId));
	}

	/**
	 * Return the contacts, in creation order.
	 * @return the contacts
	 */
	public List<Map<String, Object>> contacts() {
		return MockJson.toMaps(this.store.contacts.list());
	}

	/**
	 * Return a contact by its external id.
	 * @param externalId the external id
	 * @return the contact, if it exists
	 */
	public Optional<Map<String, Object>> contactByExternalId(String externalId) {
		return optional(this.store.contacts.getByExternalId(externalId));
	}

	/**
	 * Return the orders, in creation order. Unlike the {@code Order} response these include the stored
	 * {@code externalId} and {@code currency}.
	 * @return the orders
	 */
	public List<Map<String, Object>> orders() {
		return MockJson.toMaps(this.store.orders.list());
	}

	/**
	 * Return the orders that carry the given external id (there may be several: Paid does not enforce uniqueness).
	 * @param externalId the external id
	 * @return the orders, in creation order
	 */
	public List<Map<String, Object>> ordersByExternalId(String externalId) {
		return MockJson.toMaps(this.store.orders.list()
			.stream()
			.filter((order) -> externalId.equals(order.path(OrderRoutes.EXTERNAL_ID).asString(null)))
			.toList());
	}

	/**
	 * Return the lines of an order.
	 * @param orderId the order id
	 * @return the lines (empty if the order has none or does not exist)
	 */
	public List<Map<String, Object>> orderLines(String orderId) {
		return MockJson.toMaps(this.store.orderLines.getOrDefault(orderId, List.of()));
	}

	/**
	 * Return the ingested signals (not duplicates or failed ones), in arrival order, as sent.
	 * @return the signals
	 */
	public List<Map<String, Object>> signals() {
		return MockJson.toMaps(List.copyOf(this.store.signals));
	}

	/**
	 * Return the products, in creation order.
	 * @return the products
	 */
	public List<Map<String, Object>> products() {
		return MockJson.toMaps(this.store.products.list());
	}

	/**
	 * Add a product, as if it had been created in Paid's dashboard.
	 * @param name the product name
	 * @param externalId the external id, or {@code null}
	 * @return the product, with its generated {@code id}
	 */
	public Map<String, Object> seedProduct(String name, @Nullable String externalId) {
		return seed(name, externalId, this.router.products()::create);
	}

	/**
	 * Add a customer directly, without an HTTP request.
	 * @param name the customer name
	 * @param externalId the external id, or {@code null}
	 * @return the customer, with its generated {@code id}
	 */
	public Map<String, Object> seedCustomer(String name, @Nullable String externalId) {
		return seed(name, externalId, this.router.customers()::create);
	}

	private static Map<String, Object> seed(String name, @Nullable String externalId,
			Function<ObjectNode, MockResponse> create) {
		ObjectNode body = MockJson.object();
		body.put("name", name);
		if (externalId != null) {
			body.put("externalId", externalId);
		}
		JsonNode created = create.apply(body).body();
		if (!created.has("id")) {
			throw new IllegalArgumentException("Could not seed: " + created.path("details").asString(""));
		}
		return MockJson.toMap(created);
	}

	// ---- products with pricing, customer users and credit balances (issue 13)

	/**
	 * Choose how a product update matches an attribute sent without {@code productAttributeId} (default
	 * {@link ProductAttributeMatching#ID_ONLY}: it becomes a new attribute). Paid does not document it.
	 * @param matching the behaviour
	 * @return this server
	 */
	public MockPaidServer productAttributeMatching(ProductAttributeMatching matching) {
		this.settings.productAttributeMatching = matching;
		return this;
	}

	/**
	 * Choose whether product pricing is answered with lower-case {@code billingFrequency} and {@code billingType}
	 * ({@code monthly}) instead of the Title-case sent ({@code Monthly}, default). Paid types these output fields as
	 * plain strings, so their casing is not guaranteed.
	 * @param lowerCase whether to lower-case them
	 * @return this server
	 */
	public MockPaidServer productPricingEnumsLowerCase(boolean lowerCase) {
		this.settings.productPricingEnumsLowerCase = lowerCase;
		return this;
	}

	/**
	 * Choose whether product pricing may carry {@code signalType} (default {@code true}, Paid's schema since
	 * paid-java 1.1). {@code false} plays a server on the 1.0 schema: a pricing with {@code signalType} gets 400
	 * {@code UNKNOWN_FIELD}.
	 * @param accepted whether {@code signalType} is accepted
	 * @return this server
	 */
	public MockPaidServer productSignalTypeAccepted(boolean accepted) {
		this.settings.productSignalTypeAccepted = accepted;
		return this;
	}

	/**
	 * Return the users of all customers, in creation order, as {@code CustomerUser} maps.
	 * @return the users
	 */
	public List<Map<String, Object>> customerUsers() {
		synchronized (this.store.users) {
			return MockJson.toMaps(List.copyOf(this.store.users.values()));
		}
	}

	/**
	 * Return a user of a customer.
	 * @param customerExternalId the customer's external id
	 * @param userExternalId the user's external id
	 * @return the user, if it exists
	 */
	public Optional<Map<String, Object>> customerUser(String customerExternalId, String userExternalId) {
		return optional(this.store.users.get(customerExternalId + "/" + userExternalId));
	}

	/**
	 * Give a customer a credit balance, as if credits had been granted in Paid; replaces the customer's balance in
	 * the same credits currency.
	 * @param customerExternalId the customer's external id (the customer must exist)
	 * @param currencyKey the credits currency's key, e.g. {@code credits}
	 * @param available spendable credits
	 * @param total credits granted
	 * @return the balance as {@code CreditBalance}
	 */
	public Map<String, Object> seedCreditBalance(String customerExternalId, String currencyKey, double available,
			double total) {
		ObjectNode customer = this.store.customers.getByExternalId(customerExternalId);
		if (customer == null) {
			throw new IllegalArgumentException("No customer with external id '" + customerExternalId + "'");
		}
		ObjectNode balance = MockJson.object();
		balance.put("creditsCurrencyId", "cc_" + currencyKey);
		balance.put("currencyName", currencyKey);
		balance.put("currencyKey", currencyKey);
		balance.put("available", available);
		balance.put("used", total - available);
		balance.put("total", total);
		balance.put("periodStart", MockJson.now());
		balance.putNull("periodEnd");
		balance.putNull("rolloverEndDate");
		balance.put("recipient", "organization");
		ObjectNode grant = balance.putArray("grants").addObject();
		grant.put("available", available);
		grant.put("used", total - available);
		grant.put("total", total);
		grant.putNull("rolloverAmount");
		grant.put("periodStart", MockJson.now());
		grant.putNull("periodEnd");
		grant.putNull("rolloverEndDate");
		grant.putNull("expiresAt");
		grant.put("isInRolloverWindow", false);
		this.store.creditBalances.compute(customer.get("id").stringValue(), (id, balances) -> {
			List<ObjectNode> updated = new java.util.ArrayList<>((balances != null) ? balances : List.of());
			updated.removeIf((b) -> b.get("currencyKey").stringValue().equals(currencyKey));
			updated.add(balance);
			return List.copyOf(updated);
		});
		return MockJson.toMap(balance);
	}

	/**
	 * Return a product with its attributes by external id, as {@code ProductDetail}.
	 * @param externalId the external id
	 * @return the product, if it exists
	 */
	public Optional<Map<String, Object>> productByExternalId(String externalId) {
		return optional(this.store.products.getByExternalId(externalId));
	}

	/**
	 * Paid's webhooks: their management state, and sending signed deliveries to the application under test
	 * ({@code webhooks().send("billing-credits-depleted", data)}).
	 * @return the webhooks
	 */
	public MockWebhooks webhooks() {
		return this.webhooks;
	}

	/**
	 * Forget all state, recorded requests and injected faults, and restore the default switches (including the
	 * recorded request limit). The server keeps
	 * running on the same port with the same key.
	 */
	public void reset() {
		this.store.clear();
		this.recorder.clear();
		this.recorder.limit(RequestRecorder.DEFAULT_LIMIT);
		this.faults.clear();
		this.settings.reset();
		this.webhooks.reset();
	}

	// ---- waiting for asynchronous deliveries

	/**
	 * Wait, up to {@link MockPaidAwait#DEFAULT_TIMEOUT}, for what an asynchronous delivery should bring, e.g.
	 * {@code paid.await().customer("acme-1")} after saving the entity.
	 * @return the waiting methods
	 */
	public MockPaidAwait await() {
		return await(MockPaidAwait.DEFAULT_TIMEOUT);
	}

	/**
	 * Wait, up to the given timeout, for what an asynchronous delivery should bring.
	 * @param timeout longest wait
	 * @return the waiting methods
	 */
	public MockPaidAwait await(Duration timeout) {
		return new MockPaidAwait(this, timeout);
	}

	/**
	 * Return the ingested costs, in arrival order, as sent. A rejected batch (400) stored none of its costs.
	 * @return the costs
	 */
	public List<Map<String, Object>> costs() {
		return MockJson.toMaps(List.copyOf(this.store.costs));
	}

	private static Optional<Map<String, Object>> optional(@Nullable ObjectNode node) {
		return Optional.ofNullable(node).map(MockJson::toMap);
	}

	@Override
	public String toString() {
		return "MockPaidServer[" + (this.server.isRunning() ? baseUrl() : "stopped") + "]";
	}

}
