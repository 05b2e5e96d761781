package ai.paid.spring.sync;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One line of an order: a product (by your external id for it) with optional pricing attributes. Paid takes lines
 * only when the order is created.
 *
 * @param productExternalId external id of the product in Paid (resolved to Paid's product id on delivery)
 * @param name line name
 * @param description line description
 * @param attributes pricing attributes, Paid's {@code CreateOrderLineAttribute} shape
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaidOrderLine(String productExternalId, @Nullable String name, @Nullable String description,
		@Nullable List<Attribute> attributes) {

	/** A line for the product, with Paid's default pricing. */
	public static PaidOrderLine of(String productExternalId) {
		return new PaidOrderLine(productExternalId, null, null, null);
	}

	/**
	 * A pricing attribute of a line.
	 *
	 * @param name attribute name (required)
	 * @param quantity quantity
	 * @param pricing Paid's pricing object ({@code chargeType}, {@code pricePoints}, ...) as it goes on the wire
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Attribute(String name, @Nullable Integer quantity, Map<String, Object> pricing) {

	}

}
