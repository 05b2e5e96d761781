package ai.paid.spring.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /products/}. Paid takes no pricing on create: attributes with pricing follow with
 * {@link UpdateProductRequest}. {@code null} components are left out of the JSON.
 *
 * @param name name (required)
 * @param description description
 * @param active whether the product is active
 * @param productCode product code
 * @param externalId your own id for the product
 * @param metadata free-form metadata
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateProductRequest(String name, @Nullable String description, @Nullable Boolean active,
		@Nullable String productCode, @Nullable String externalId, @Nullable Map<String, Object> metadata) {

}
