package ai.paid.spring.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /customers/}. {@code null} components are left out of the JSON.
 *
 * @param name name (required)
 * @param legalName legal name
 * @param email email
 * @param phone phone
 * @param website website
 * @param externalId your own id for the customer
 * @param billingAddress billing address
 * @param creationState draft or active
 * @param vatNumber VAT number
 * @param metadata free-form metadata
 * @param defaultCurrency ISO 4217 currency (three upper-case letters); can only be set on create
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateCustomerRequest(String name, @Nullable String legalName, @Nullable String email,
		@Nullable String phone, @Nullable String website, @Nullable String externalId,
		@Nullable CustomerBillingAddress billingAddress, @Nullable CreationState creationState,
		@Nullable String vatNumber, @Nullable Map<String, Object> metadata, @Nullable String defaultCurrency) {

	/**
	 * A request with only the required name and your external id.
	 * @param name customer name
	 * @param externalId your own id, may be {@code null}
	 * @return the request
	 */
	public static CreateCustomerRequest of(String name, @Nullable String externalId) {
		return new CreateCustomerRequest(name, null, null, null, null, externalId, null, null, null, null, null);
	}

}
