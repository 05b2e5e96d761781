package ai.paid.spring.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A product with its priced attributes, as {@code GET} and {@code PUT /products/external/{externalId}} return it.
 *
 * @param id Paid id, e.g. {@code prod_abc123}
 * @param name name
 * @param description description
 * @param active whether the product is active
 * @param productCode product code
 * @param externalId your own id for the product
 * @param archivedAt when the product was archived
 * @param metadata free-form metadata
 * @param productAttributes the attributes with their pricing
 * @param createdAt when Paid created it
 * @param updatedAt when Paid last changed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductDetail(String id, @Nullable String name, @Nullable String description, @Nullable Boolean active,
		@Nullable String productCode, @Nullable String externalId, @Nullable OffsetDateTime archivedAt,
		@Nullable Map<String, Object> metadata, @Nullable List<ProductAttribute> productAttributes,
		@Nullable OffsetDateTime createdAt, @Nullable OffsetDateTime updatedAt) {

	/**
	 * The attributes, never {@code null}.
	 * @return the attributes
	 */
	public List<ProductAttribute> attributes() {
		return (this.productAttributes != null) ? this.productAttributes : List.of();
	}

}
