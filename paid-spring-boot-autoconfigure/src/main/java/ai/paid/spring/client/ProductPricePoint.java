package ai.paid.spring.client;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A simple price point of a product attribute's pricing, as on the wire. Paid does not say whether
 * {@code unitPrice} is in major units or cents; the catalog converts in one place
 * ({@code paid.catalog.unit-price-unit}).
 *
 * @param currency currency code, e.g. {@code USD} (required)
 * @param unitPrice price per unit as sent to Paid (required)
 * @param minQuantity minimum quantity
 * @param maxQuantity maximum quantity
 * @param includedQuantity quantity included before the price applies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductPricePoint(String currency, BigDecimal unitPrice, @Nullable BigDecimal minQuantity,
		@Nullable BigDecimal maxQuantity, @Nullable BigDecimal includedQuantity) {

	/**
	 * A price point with only currency and unit price.
	 * @param currency currency code
	 * @param unitPrice price per unit as sent to Paid
	 */
	public ProductPricePoint(String currency, BigDecimal unitPrice) {
		this(currency, unitPrice, null, null, null);
	}

}
