package ai.paid.spring.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Everything Paid knows about a customer's commercial state ({@code GET /customers/external/{externalId}/state}).
 * It is the only place Paid returns orders' external ids.
 *
 * @param customer the customer
 * @param defaultCurrency ISO 4217 currency
 * @param orders the customer's orders
 * @param seats seat counts and assignments, as on the wire
 * @param checkoutLinks checkout links, as on the wire
 * @param credits credit balances, as on the wire
 * @param timestamp when Paid computed the state
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerState(@Nullable CustomerSummary customer, @Nullable String defaultCurrency,
		@Nullable List<OrderSummary> orders, @Nullable Map<String, Object> seats,
		@Nullable List<Map<String, Object>> checkoutLinks, @Nullable Map<String, Object> credits,
		@Nullable OffsetDateTime timestamp) {

	/**
	 * The customer's orders, never {@code null}.
	 * @return the orders
	 */
	public List<OrderSummary> ordersOrEmpty() {
		return (this.orders != null) ? this.orders : List.of();
	}

	/**
	 * The customer part of a {@link CustomerState}.
	 *
	 * @param id Paid id
	 * @param name name
	 * @param externalId your own id
	 * @param billingAddress billing address
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CustomerSummary(String id, @Nullable String name, @Nullable String externalId,
			@Nullable CustomerBillingAddress billingAddress) {

	}

	/**
	 * An order in a {@link CustomerState}.
	 *
	 * @param id Paid id
	 * @param externalId the external id sent on create or update
	 * @param name name
	 * @param state {@code draft}, {@code active}, {@code paused} or {@code ended}
	 * @param currency ISO 4217 currency
	 * @param startDate start
	 * @param endDate end
	 * @param effectiveUntil end of the current effective period
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record OrderSummary(String id, @Nullable String externalId, @Nullable String name, @Nullable String state,
			@Nullable String currency, @Nullable OffsetDateTime startDate, @Nullable OffsetDateTime endDate,
			@Nullable OffsetDateTime effectiveUntil) {

	}

}
