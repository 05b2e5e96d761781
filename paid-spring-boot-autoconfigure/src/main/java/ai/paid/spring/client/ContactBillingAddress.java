package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Billing address of a Paid contact (note: the keys differ from {@link CustomerBillingAddress}). Every key is
 * optional.
 *
 * @param street street and number
 * @param city city
 * @param state state or province
 * @param country country
 * @param zipCode postal code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactBillingAddress(@Nullable String street, @Nullable String city, @Nullable String state,
		@Nullable String country, @Nullable String zipCode) {

}
