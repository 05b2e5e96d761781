package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Overrides the billing frequency of every line of an order.
 *
 * @param frequency {@code monthly}, {@code quarterly}, {@code semiAnnually}, {@code annual} or {@code custom}
 * @param customMonths number of months when {@code frequency} is {@code custom}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderBillingFrequencyOverride(String frequency, @Nullable Integer customMonths) {

}
