package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The customer a {@link Signal} is for: an untagged union serialised as {@code {"customerId": ...}} or
 * {@code {"externalCustomerId": ...}}. Exactly one component is set; create it with {@link #byId(String)} or
 * {@link #byExternalId(String)}.
 *
 * @param customerId Paid customer id
 * @param externalCustomerId your own customer id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignalCustomer(@Nullable String customerId, @Nullable String externalCustomerId) {

	public SignalCustomer {
		if ((customerId == null) == (externalCustomerId == null)) {
			throw new IllegalArgumentException("Exactly one of customerId and externalCustomerId must be set");
		}
	}

	/**
	 * The customer by Paid id.
	 * @param customerId Paid customer id
	 * @return the reference
	 */
	public static SignalCustomer byId(String customerId) {
		return new SignalCustomer(customerId, null);
	}

	/**
	 * The customer by your own id.
	 * @param externalCustomerId your own customer id
	 * @return the reference
	 */
	public static SignalCustomer byExternalId(String externalCustomerId) {
		return new SignalCustomer(null, externalCustomerId);
	}

}
