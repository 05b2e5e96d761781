package ai.paid.spring.client;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A customer as Paid returns it.
 *
 * @param id Paid display id, e.g. {@code cus_abc123}
 * @param name name
 * @param legalName legal name
 * @param email email ({@code ""} when unset)
 * @param phone phone ({@code ""} when unset)
 * @param website website ({@code ""} when unset)
 * @param externalId your own id for the customer
 * @param billingAddress billing address
 * @param creationState draft or active
 * @param defaultCurrency ISO 4217 currency
 * @param churnDate when the customer churned
 * @param vatNumber VAT number
 * @param metadata free-form metadata
 * @param createdAt when Paid created it
 * @param updatedAt when Paid last changed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Customer(String id, @Nullable String name, @Nullable String legalName, @Nullable String email,
		@Nullable String phone, @Nullable String website, @Nullable String externalId,
		@Nullable CustomerBillingAddress billingAddress, @Nullable CreationState creationState,
		@Nullable String defaultCurrency, @Nullable OffsetDateTime churnDate, @Nullable String vatNumber,
		@Nullable Map<String, Object> metadata, @Nullable OffsetDateTime createdAt,
		@Nullable OffsetDateTime updatedAt) {

}
