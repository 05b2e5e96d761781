package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Billing address of a Paid customer (note: the keys differ from {@link ContactBillingAddress}). Every key is
 * optional.
 *
 * @param line1 first address line
 * @param line2 second address line
 * @param city city
 * @param state state or province
 * @param zipCode postal code
 * @param country country
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerBillingAddress(@Nullable String line1, @Nullable String line2, @Nullable String city,
		@Nullable String state, @Nullable String zipCode, @Nullable String country) {

}
