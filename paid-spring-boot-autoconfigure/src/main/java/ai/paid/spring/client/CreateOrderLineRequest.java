package ai.paid.spring.client;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One line of {@link CreateOrderRequest#lines()}.
 *
 * @param productId Paid id of the product (required)
 * @param name name
 * @param description description
 * @param startDate start
 * @param endDate end
 * @param attributes priced attributes of the line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateOrderLineRequest(String productId, @Nullable String name, @Nullable String description,
		@Nullable OffsetDateTime startDate, @Nullable OffsetDateTime endDate,
		@Nullable List<OrderLineAttribute> attributes) {

}
