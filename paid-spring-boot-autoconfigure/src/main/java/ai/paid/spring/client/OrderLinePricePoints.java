package ai.paid.spring.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The {@code pricePoints} of an {@link OrderLinePricing}.
 *
 * @param currency ISO 4217 currency
 * @param unitPrice price per unit (required)
 * @param minQuantity minimum quantity
 * @param includedQuantity quantity included for free
 * @param tiers tiers ({@code flatAmount}, {@code index}, {@code lowerBound}, {@code number}, {@code tierBillingType},
 * {@code unitAmount}, {@code upperBound}), as on the wire
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderLinePricePoints(@Nullable String currency, BigDecimal unitPrice, @Nullable BigDecimal minQuantity,
		@Nullable BigDecimal includedQuantity, @Nullable List<Map<String, Object>> tiers) {

}
