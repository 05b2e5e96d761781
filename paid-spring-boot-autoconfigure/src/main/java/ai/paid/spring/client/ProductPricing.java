package ai.paid.spring.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The pricing of a product attribute as sent to Paid: a union tagged by {@code pricingType} with its fields flat
 * beside the tag. This record covers the per-unit variants with simple price points ({@code RecurringPerUnit},
 * {@code UsagePerUnit}, {@code OneTimePerUnit}, {@code SeatBasedPerUnit}). Enum values are spelled as on this route:
 * Title-case {@code billingFrequency} ({@code Monthly}, {@code Quarterly}, {@code Semi-Annually}, {@code Annual},
 * {@code Custom}) and {@code billingType} ({@code Advance}, {@code Arrears}), lower-case {@code signalType}
 * ({@code activity}, {@code outcome}) and {@code feeType}. {@code null} components are left out of the JSON.
 *
 * @param pricingType the variant, e.g. {@code UsagePerUnit}
 * @param eventName the signal name that drives usage pricing
 * @param signalType {@code activity} or {@code outcome} (usage variants)
 * @param billingFrequency how often it is billed
 * @param billingFrequencyCustomMonths months between bills with {@code Custom}
 * @param billingType {@code Advance} or {@code Arrears}
 * @param feeType kind of one-time fee
 * @param pricePoints one price per currency
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductPricing(String pricingType, @Nullable String eventName, @Nullable String signalType,
		@Nullable String billingFrequency, @Nullable Integer billingFrequencyCustomMonths,
		@Nullable String billingType, @Nullable String feeType, List<ProductPricePoint> pricePoints) {

}
