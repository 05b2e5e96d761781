package ai.paid.spring.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A priced attribute of a product as Paid returns it ({@code ProductAttributeOutput}).
 *
 * @param productAttributeId Paid's id of the attribute; send it back to update the attribute
 * @param name name
 * @param active whether the attribute is active
 * @param pricing the pricing, {@code null} when the attribute has none
 * @param creditBenefits credit benefits, as on the wire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductAttribute(String productAttributeId, @Nullable String name, @Nullable Boolean active,
		@Nullable Pricing pricing, @Nullable List<Map<String, Object>> creditBenefits) {

	/**
	 * The pricing of an attribute as Paid returns it ({@code ProductPricingOutput}). Enum values are plain strings
	 * and may come back in another casing than sent; compare them ignoring case.
	 *
	 * @param pricingType the variant, e.g. {@code UsagePerUnit}
	 * @param chargeType e.g. {@code usage}, {@code recurring}
	 * @param pricingModel e.g. {@code perUnit}
	 * @param eventName the signal name that drives usage pricing
	 * @param signalType {@code activity} or {@code outcome}
	 * @param billingFrequency how often it is billed
	 * @param billingFrequencyCustomMonths months between bills with {@code Custom}
	 * @param billingType {@code Advance} or {@code Arrears}
	 * @param feeType kind of one-time fee
	 * @param creditCost credit cost (prepaid-credit variants)
	 * @param pricePoints the price points
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Pricing(@Nullable String pricingType, @Nullable String chargeType, @Nullable String pricingModel,
			@Nullable String eventName, @Nullable String signalType, @Nullable String billingFrequency,
			@Nullable Integer billingFrequencyCustomMonths, @Nullable String billingType, @Nullable String feeType,
			@Nullable BigDecimal creditCost, @Nullable List<ProductPricePoint> pricePoints) {

	}

}
