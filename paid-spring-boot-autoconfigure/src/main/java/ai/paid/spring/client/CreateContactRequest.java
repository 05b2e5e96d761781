package ai.paid.spring.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /contacts/}. {@code null} components are left out of the JSON.
 *
 * @param customerId Paid id of the customer (required; v2 takes no customer external id here)
 * @param email email (required)
 * @param firstName first name
 * @param lastName last name
 * @param phone phone
 * @param billingAddress billing address
 * @param externalId your own id for the contact
 * @param roles roles
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateContactRequest(String customerId, String email, @Nullable String firstName,
		@Nullable String lastName, @Nullable String phone, @Nullable ContactBillingAddress billingAddress,
		@Nullable String externalId, @Nullable List<ContactRole> roles) {

}
