package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One priced attribute in {@link UpdateProductRequest#productAttributes()}.
 *
 * @param productAttributeId id of the existing attribute to update; {@code null} creates a new attribute
 * @param name name (required)
 * @param active whether the attribute is active ({@code false} retires it)
 * @param pricing the pricing (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductAttributeUpsert(@Nullable String productAttributeId, String name, @Nullable Boolean active,
		ProductPricing pricing) {

}
