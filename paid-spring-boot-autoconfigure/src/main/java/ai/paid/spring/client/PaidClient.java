package ai.paid.spring.client;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Reactive client of Paid's v2 REST API. Every method is lazy: nothing is sent until the returned {@link Mono} is
 * subscribed. A failed call signals a {@link PaidApiException} (status {@code 0} when no response arrived).
 * <p>
 * The default implementation retries idempotent calls (GET, PUT, DELETE and the signals bulk POST, whose signals
 * carry idempotency keys) on 408, 429, 5xx, timeouts and connection errors; it never retries a POST that creates a
 * customer, contact or order. Use {@link #withoutRetries()} when the caller retries itself, and {@link #blocking()}
 * from code that is allowed to block.
 */
public interface PaidClient {

	/** {@code POST /customers/}; never retried. */
	Mono<Customer> createCustomer(CreateCustomerRequest request);

	/** {@code GET /customers/{id}}. */
	Mono<Customer> getCustomer(String id);

	/** {@code GET /customers/external/{externalId}}. */
	Mono<Customer> getCustomerByExternalId(String externalId);

	/** {@code PUT /customers/{id}}. */
	Mono<Customer> updateCustomer(String id, UpdateCustomerRequest request);

	/** {@code PUT /customers/external/{externalId}}. */
	Mono<Customer> updateCustomerByExternalId(String externalId, UpdateCustomerRequest request);

	/** {@code DELETE /customers/{id}}. */
	Mono<Void> deleteCustomer(String id);

	/** {@code DELETE /customers/external/{externalId}}. */
	Mono<Void> deleteCustomerByExternalId(String externalId);

	/** {@code GET /customers/external/{externalId}/state}: the customer with its orders (and their external ids). */
	Mono<CustomerState> getCustomerStateByExternalId(String externalId);

	/** {@code POST /contacts/}; never retried. */
	Mono<Contact> createContact(CreateContactRequest request);

	/** {@code GET /contacts/{id}}. */
	Mono<Contact> getContact(String id);

	/** {@code GET /contacts/external/{externalId}}. */
	Mono<Contact> getContactByExternalId(String externalId);

	/** {@code PUT /contacts/{id}}. */
	Mono<Contact> updateContact(String id, UpdateContactRequest request);

	/** {@code PUT /contacts/external/{externalId}}. */
	Mono<Contact> updateContactByExternalId(String externalId, UpdateContactRequest request);

	/** {@code DELETE /contacts/{id}}. */
	Mono<Void> deleteContact(String id);

	/** {@code DELETE /contacts/external/{externalId}}. */
	Mono<Void> deleteContactByExternalId(String externalId);

	/** {@code POST /orders/}; never retried (orders have no external-id route to make a create idempotent). */
	Mono<Order> createOrder(CreateOrderRequest request);

	/** {@code GET /orders/{id}}. */
	Mono<Order> getOrder(String id);

	/** {@code PUT /orders/{id}}. */
	Mono<Order> updateOrder(String id, UpdateOrderRequest request);

	/** {@code DELETE /orders/{id}}. */
	Mono<Void> deleteOrder(String id);

	/** {@code POST /signals/bulk}; retried, signals carry idempotency keys. */
	Mono<BulkSignalsResponse> sendSignals(List<Signal> signals);

	/** {@code GET /products/{id}}. */
	Mono<Product> getProduct(String id);

	/** {@code GET /products/external/{externalId}}. */
	Mono<Product> getProductByExternalId(String externalId);

	// ---- products with pricing, customer users, credit balances (issue 13)

	/** {@code POST /products/}; never retried. Paid takes no pricing on create: follow with an update. */
	Mono<Product> createProduct(CreateProductRequest request);

	/** {@code GET /products/external/{externalId}}: the product with its priced attributes. */
	Mono<ProductDetail> getProductDetailByExternalId(String externalId);

	/** {@code PUT /products/external/{externalId}}: updates the product and upserts the attributes sent. */
	Mono<ProductDetail> updateProductByExternalId(String externalId, UpdateProductRequest request);

	/** {@code PUT /customers/{customerExternalId}/users/{userExternalId}}: creates or updates a customer's user. */
	Mono<CustomerUser> upsertCustomerUser(String customerExternalId, String userExternalId,
			UpsertCustomerUserRequest request);

	/** {@code GET /customers/{id}/credits/balances}. */
	Mono<CreditBalanceList> getCreditBalances(String customerId);

	/** {@code GET /customers/external/{externalId}/credits/balances}. */
	Mono<CreditBalanceList> getCreditBalancesByExternalId(String customerExternalId);

	/**
	 * {@code POST /costs/bulk}; never retried by the client, since costs carry no idempotency key. All-or-nothing: one
	 * malformed cost makes Paid reject the whole batch with 400.
	 */
	Mono<BulkCostsResponse> sendCosts(List<Cost> costs);
	// ---- webhooks (management routes; deliveries are received by ai.paid.spring.webhook)

	/** {@code GET /webhooks/}: every webhook (one per event name) and whether a signing secret exists. */
	Mono<WebhookList> listWebhooks();

	/** {@code PATCH /webhooks/{webhookName}}: set the URL and/or enable or disable one event's webhook. */
	Mono<WebhookUpdateResponse> updateWebhook(String webhookName, UpdateWebhookRequest request);

	/** {@code POST /webhooks/{webhookName}/test}: ask Paid to send a test delivery; never retried. */
	Mono<WebhookTestResponse> testWebhook(String webhookName);

	/** {@code POST /webhooks/rotate-secret}: a new organization-wide signing secret, shown once; never retried. */
	Mono<RotateWebhookSecretResponse> rotateWebhookSecret();

	/**
	 * A client that sends each request once, for callers with their own retry policy (the outbox). Implementations
	 * without transport retries return themselves.
	 * @return a client without transport-level retries
	 */
	default PaidClient withoutRetries() {
		return this;
	}

	/**
	 * The same operations, blocking until Paid answers. Its methods throw {@link IllegalStateException} when called
	 * on a thread that must not block (a Netty event loop, a Reactor parallel scheduler).
	 * @return a blocking view of this client
	 */
	default BlockingPaidClient blocking() {
		return new BlockingPaidClient(this);
	}

}
