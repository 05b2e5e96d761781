package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A priced attribute of an order line.
 *
 * @param name name (required)
 * @param quantity quantity
 * @param pricing pricing (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderLineAttribute(String name, @Nullable Integer quantity, OrderLinePricing pricing) {

}
