package ai.paid.spring.client;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What the client reads reflectively in a native image: the request and response records Jackson binds (with their
 * nested records and enums), and the properties file carrying the client's version for the User-Agent. Registered
 * through {@code META-INF/spring/aot.factories}.
 */
class PaidClientRuntimeHints implements RuntimeHintsRegistrar {

	/** Every type that crosses the wire; nested types are reached through their components. */
	static final Class<?>[] WIRE_TYPES = { BulkSignalsResponse.class, Contact.class, ContactBillingAddress.class,
			ContactRole.class, CreateContactRequest.class, CreateCustomerRequest.class, CreateOrderLineRequest.class,
			CreateOrderRequest.class, CreationState.class, Customer.class, CustomerBillingAddress.class,
			CustomerState.class, Order.class, OrderBillingFrequencyOverride.class, OrderLineAttribute.class,
			OrderLinePricePoints.class, OrderLinePricing.class, Product.class, Signal.class, SignalAttribution.class,
			SignalCustomer.class, UpdateContactRequest.class, UpdateCustomerRequest.class, UpdateOrderRequest.class };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), WIRE_TYPES);
		hints.resources().registerPattern("ai/paid/spring/client/paid-client.properties");
	}

}
