package ai.paid.spring.client;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A contact as Paid returns it.
 *
 * @param id Paid id
 * @param customerId Paid id of the customer the contact belongs to
 * @param externalId your own id for the contact
 * @param firstName first name
 * @param lastName last name
 * @param email email
 * @param phone phone
 * @param billingAddress billing address
 * @param roles roles
 * @param createdAt when Paid created it
 * @param updatedAt when Paid last changed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(String id, @Nullable String customerId, @Nullable String externalId,
		@Nullable String firstName, @Nullable String lastName, @Nullable String email, @Nullable String phone,
		@Nullable ContactBillingAddress billingAddress, @Nullable List<ContactRole> roles,
		@Nullable OffsetDateTime createdAt, @Nullable OffsetDateTime updatedAt) {

}
