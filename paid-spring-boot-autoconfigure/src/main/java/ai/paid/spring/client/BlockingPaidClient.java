package ai.paid.spring.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Blocking view of a {@link PaidClient}: each method subscribes and waits for Paid's answer. Refuses, with an
 * {@link IllegalStateException}, to run on a thread that must not block (Netty event loops, Reactor's parallel
 * scheduler), where waiting would stall every other request on that thread. Obtain it from
 * {@link PaidClient#blocking()}.
 */
public final class BlockingPaidClient {

	private final PaidClient client;

	BlockingPaidClient(PaidClient client) {
		this.client = client;
	}

	/** See {@link PaidClient#createCustomer(CreateCustomerRequest)}. */
	public Customer createCustomer(CreateCustomerRequest request) {
		return value(this.client.createCustomer(request));
	}

	/** See {@link PaidClient#getCustomer(String)}. */
	public Customer getCustomer(String id) {
		return value(this.client.getCustomer(id));
	}

	/** See {@link PaidClient#getCustomerByExternalId(String)}. */
	public Customer getCustomerByExternalId(String externalId) {
		return value(this.client.getCustomerByExternalId(externalId));
	}

	/** See {@link PaidClient#updateCustomer(String, UpdateCustomerRequest)}. */
	public Customer updateCustomer(String id, UpdateCustomerRequest request) {
		return value(this.client.updateCustomer(id, request));
	}

	/** See {@link PaidClient#updateCustomerByExternalId(String, UpdateCustomerRequest)}. */
	public Customer updateCustomerByExternalId(String externalId, UpdateCustomerRequest request) {
		return value(this.client.updateCustomerByExternalId(externalId, request));
	}

	/** See {@link PaidClient#deleteCustomer(String)}. */
	public void deleteCustomer(String id) {
		await(this.client.deleteCustomer(id));
	}

	/** See {@link PaidClient#deleteCustomerByExternalId(String)}. */
	public void deleteCustomerByExternalId(String externalId) {
		await(this.client.deleteCustomerByExternalId(externalId));
	}

	/** See {@link PaidClient#getCustomerStateByExternalId(String)}. */
	public CustomerState getCustomerStateByExternalId(String externalId) {
		return value(this.client.getCustomerStateByExternalId(externalId));
	}

	/** See {@link PaidClient#createContact(CreateContactRequest)}. */
	public Contact createContact(CreateContactRequest request) {
		return value(this.client.createContact(request));
	}

	/** See {@link PaidClient#getContact(String)}. */
	public Contact getContact(String id) {
		return value(this.client.getContact(id));
	}

	/** See {@link PaidClient#getContactByExternalId(String)}. */
	public Contact getContactByExternalId(String externalId) {
		return value(this.client.getContactByExternalId(externalId));
	}

	/** See {@link PaidClient#updateContact(String, UpdateContactRequest)}. */
	public Contact updateContact(String id, UpdateContactRequest request) {
		return value(this.client.updateContact(id, request));
	}

	/** See {@link PaidClient#updateContactByExternalId(String, UpdateContactRequest)}. */
	public Contact updateContactByExternalId(String externalId, UpdateContactRequest request) {
		return value(this.client.updateContactByExternalId(externalId, request));
	}

	/** See {@link PaidClient#deleteContact(String)}. */
	public void deleteContact(String id) {
		await(this.client.deleteContact(id));
	}

	/** See {@link PaidClient#deleteContactByExternalId(String)}. */
	public void deleteContactByExternalId(String externalId) {
		await(this.client.deleteContactByExternalId(externalId));
	}

	/** See {@link PaidClient#createOrder(CreateOrderRequest)}. */
	public Order createOrder(CreateOrderRequest request) {
		return value(this.client.createOrder(request));
	}

	/** See {@link PaidClient#getOrder(String)}. */
	public Order getOrder(String id) {
		return value(this.client.getOrder(id));
	}

	/** See {@link PaidClient#updateOrder(String, UpdateOrderRequest)}. */
	public Order updateOrder(String id, UpdateOrderRequest request) {
		return value(this.client.updateOrder(id, request));
	}

	/** See {@link PaidClient#deleteOrder(String)}. */
	public void deleteOrder(String id) {
		await(this.client.deleteOrder(id));
	}

	/** See {@link PaidClient#sendSignals(List)}. */
	public BulkSignalsResponse sendSignals(List<Signal> signals) {
		return value(this.client.sendSignals(signals));
	}

	/** See {@link PaidClient#getProduct(String)}. */
	public Product getProduct(String id) {
		return value(this.client.getProduct(id));
	}

	/** See {@link PaidClient#getProductByExternalId(String)}. */
	public Product getProductByExternalId(String externalId) {
		return value(this.client.getProductByExternalId(externalId));
	}

	// ---- products with pricing, customer users, credit balances (issue 13)

	/** See {@link PaidClient#createProduct(CreateProductRequest)}. */
	public Product createProduct(CreateProductRequest request) {
		return value(this.client.createProduct(request));
	}

	/** See {@link PaidClient#getProductDetailByExternalId(String)}. */
	public ProductDetail getProductDetailByExternalId(String externalId) {
		return value(this.client.getProductDetailByExternalId(externalId));
	}

	/** See {@link PaidClient#updateProductByExternalId(String, UpdateProductRequest)}. */
	public ProductDetail updateProductByExternalId(String externalId, UpdateProductRequest request) {
		return value(this.client.updateProductByExternalId(externalId, request));
	}

	/** See {@link PaidClient#upsertCustomerUser(String, String, UpsertCustomerUserRequest)}. */
	public CustomerUser upsertCustomerUser(String customerExternalId, String userExternalId,
			UpsertCustomerUserRequest request) {
		return value(this.client.upsertCustomerUser(customerExternalId, userExternalId, request));
	}

	/** See {@link PaidClient#getCreditBalances(String)}. */
	public CreditBalanceList getCreditBalances(String customerId) {
		return value(this.client.getCreditBalances(customerId));
	}

	/** See {@link PaidClient#getCreditBalancesByExternalId(String)}. */
	public CreditBalanceList getCreditBalancesByExternalId(String customerExternalId) {
		return value(this.client.getCreditBalancesByExternalId(customerExternalId));
	}

	/** See {@link PaidClient#sendCosts(List)}. */
	public BulkCostsResponse sendCosts(List<Cost> costs) {
		return value(this.client.sendCosts(costs));
	}

	/** See {@link PaidClient#listWebhooks()}. */
	public WebhookList listWebhooks() {
		return value(this.client.listWebhooks());
	}

	/** See {@link PaidClient#updateWebhook(String, UpdateWebhookRequest)}. */
	public WebhookUpdateResponse updateWebhook(String webhookName, UpdateWebhookRequest request) {
		return value(this.client.updateWebhook(webhookName, request));
	}

	/** See {@link PaidClient#testWebhook(String)}. */
	public WebhookTestResponse testWebhook(String webhookName) {
		return value(this.client.testWebhook(webhookName));
	}

	/** See {@link PaidClient#rotateWebhookSecret()}. */
	public RotateWebhookSecretResponse rotateWebhookSecret() {
		return value(this.client.rotateWebhookSecret());
	}

	private static <T> T value(Mono<T> mono) {
		T value = await(mono);
		if (value == null) {
			throw new IllegalStateException("Paid answered without a body");
		}
		return value;
	}

	private static <T> @Nullable T await(Mono<T> mono) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("BlockingPaidClient called on non-blocking thread '"
					+ Thread.currentThread().getName() + "'; use PaidClient's Mono API there, or move the call to "
					+ "Schedulers.boundedElastic()");
		}
		return mono.block();
	}

}
