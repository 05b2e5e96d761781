package ai.paid.spring.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /products/{id}} and {@code PUT /products/external/{externalId}}: every field is optional and
 * {@code null} components are left out of the JSON. {@code productAttributes} upserts attributes with their pricing:
 * one carrying a {@code productAttributeId} updates that attribute, one without creates a new attribute (Paid does not
 * document matching by name, so always send the id of an attribute you read).
 *
 * @param name name
 * @param description description
 * @param active whether the product is active
 * @param productCode product code
 * @param externalId new external id
 * @param metadata free-form metadata
 * @param productAttributes attributes to create or update
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateProductRequest(@Nullable String name, @Nullable String description, @Nullable Boolean active,
		@Nullable String productCode, @Nullable String externalId, @Nullable Map<String, Object> metadata,
		@Nullable List<ProductAttributeUpsert> productAttributes) {

}
