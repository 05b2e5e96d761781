package ai.paid.spring.sync.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import ai.paid.spring.client.ContactBillingAddress;
import ai.paid.spring.client.ContactRole;
import ai.paid.spring.client.CreateContactRequest;
import ai.paid.spring.client.CreateCustomerRequest;
import ai.paid.spring.client.CreateOrderLineRequest;
import ai.paid.spring.client.CreateOrderRequest;
import ai.paid.spring.client.CreationState;
import ai.paid.spring.client.CustomerBillingAddress;
import ai.paid.spring.client.OrderLineAttribute;
import ai.paid.spring.client.UpdateContactRequest;
import ai.paid.spring.client.UpdateCustomerRequest;
import ai.paid.spring.client.UpdateOrderRequest;
import ai.paid.spring.sync.PaidContactData;
import ai.paid.spring.sync.PaidCustomerData;
import ai.paid.spring.sync.PaidOrderData;
import ai.paid.spring.sync.PaidOrderLine;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns queued Paid state into the client's v2 request records.
 */
final class SyncRequests {

	private final JsonMapper mapper;

	SyncRequests(JsonMapper mapper) {
		this.mapper = mapper;
	}

	UpdateCustomerRequest updateCustomer(PaidCustomerData data, Set<String> cleared) {
		return updateCustomer(data).withExplicitNulls(nullable(cleared, UpdateCustomerRequest.NULLABLE_FIELDS));
	}

	private UpdateCustomerRequest updateCustomer(PaidCustomerData data) {
		return new UpdateCustomerRequest(data.name(), data.legalName(), data.email(), data.phone(), data.website(),
				null, address(data.billingAddress()), state(data.creationState()), null, data.vatNumber(),
				data.metadata());
	}

	CreateCustomerRequest createCustomer(PaidCustomerData data) {
		return new CreateCustomerRequest(data.name(), data.legalName(), data.email(), data.phone(), data.website(),
				data.externalId(), address(data.billingAddress()), state(data.creationState()), data.vatNumber(),
				data.metadata(), data.defaultCurrency());
	}

	UpdateContactRequest updateContact(PaidContactData data, String customerId, Set<String> cleared) {
		return updateContact(data, customerId)
			.withExplicitNulls(nullable(cleared, UpdateContactRequest.NULLABLE_FIELDS));
	}

	private UpdateContactRequest updateContact(PaidContactData data, String customerId) {
		return new UpdateContactRequest(customerId, data.email(), data.firstName(), data.lastName(), data.phone(),
				address(data.billingAddress()), null, roles(data.roles()));
	}

	CreateContactRequest createContact(PaidContactData data, String customerId) {
		return new CreateContactRequest(customerId, data.email(), data.firstName(), data.lastName(), data.phone(),
				address(data.billingAddress()), data.externalId(), roles(data.roles()));
	}

	CreateOrderRequest createOrder(PaidOrderData data, String customerId, @Nullable List<String> billingContactIds,
			@Nullable List<CreateOrderLineRequest> lines) {
		return new CreateOrderRequest(customerId, null, billingContactIds, data.name(), data.startDate(),
				data.endDate(), data.subscriptionTerms(), state(data.creationState()), data.billingAnchor(),
				data.paymentTerms(), data.externalId(), data.metadata(), data.currency(), null, null, null, lines, null,
				null);
	}

	UpdateOrderRequest updateOrder(PaidOrderData data, @Nullable List<String> billingContactIds,
			Set<String> cleared) {
		return updateOrder(data, billingContactIds).withExplicitNulls(nullable(cleared, UpdateOrderRequest.NULLABLE_FIELDS));
	}

	private UpdateOrderRequest updateOrder(PaidOrderData data, @Nullable List<String> billingContactIds) {
		return new UpdateOrderRequest(data.name(), data.startDate(), data.endDate(), data.subscriptionTerms(),
				state(data.creationState()), data.billingAnchor(), data.paymentTerms(), data.externalId(),
				data.metadata(), null, billingContactIds, null, null, null, null);
	}

	CreateOrderLineRequest line(PaidOrderLine line, String productId) {
		List<OrderLineAttribute> attributes = (line.attributes() != null) ? line.attributes()
			.stream()
			.map((attribute) -> this.mapper.convertValue(attribute, OrderLineAttribute.class))
			.toList() : null;
		return new CreateOrderLineRequest(productId, line.name(), line.description(), null, null, attributes);
	}

	/** Cleared fields Paid accepts as {@code null}; the others are simply not sent. */
	private static String[] nullable(Set<String> cleared, Set<String> nullableFields) {
		return cleared.stream().filter(nullableFields::contains).toArray(String[]::new);
	}

	private static @Nullable CustomerBillingAddress address(PaidCustomerData.@Nullable CustomerAddress address) {
		return (address != null) ? new CustomerBillingAddress(address.line1(), address.line2(), address.city(),
				address.state(), address.zipCode(), address.country()) : null;
	}

	private static @Nullable ContactBillingAddress address(PaidContactData.@Nullable ContactAddress address) {
		return (address != null) ? new ContactBillingAddress(address.street(), address.city(), address.state(),
				address.country(), address.zipCode()) : null;
	}

	private static @Nullable CreationState state(@Nullable String state) {
		return (state != null) ? CreationState.valueOf(state.toLowerCase(Locale.ROOT)) : null;
	}

	private static @Nullable List<ContactRole> roles(@Nullable List<String> roles) {
		return (roles != null) ? roles.stream().map((role) -> ContactRole.valueOf(role.toUpperCase(Locale.ROOT))).toList()
				: null;
	}

}
