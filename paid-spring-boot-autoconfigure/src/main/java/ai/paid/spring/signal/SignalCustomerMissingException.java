package ai.paid.spring.signal;

/**
 * A signal was emitted without a customer: none was set on the signal and no {@link PaidContext} scope was open.
 */
public class SignalCustomerMissingException extends IllegalStateException {

	SignalCustomerMissingException(String eventName) {
		super("Signal '" + eventName + "' has no customer: call .customer(externalId) or .customerId(paidId) on it, "
				+ "emit it inside PaidContext.customer(...).run(...) or .open(), or, for @PaidSignal, set "
				+ "customer = \"<SpEL over the arguments or #result>\"");
	}

}
