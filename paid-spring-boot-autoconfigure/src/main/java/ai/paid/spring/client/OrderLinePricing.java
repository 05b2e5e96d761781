package ai.paid.spring.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Pricing of an {@link OrderLineAttribute}. Enumerated values are plain strings spelled as on the wire; the rarely
 * used credit structures are kept as maps.
 *
 * @param chargeType {@code usage}, {@code recurring}, {@code oneTime} or {@code seatBased} (required)
 * @param pricePoints price points (required)
 * @param eventName signal name that drives usage pricing
 * @param pricingModel {@code perUnit}, {@code volumePricing}, {@code graduatedPricing}, {@code prepaidCredits},
 * {@code bracketedPrepaidCredits} or {@code flat}
 * @param billingFrequency {@code monthly}, {@code quarterly}, {@code semiAnnually}, {@code annual} or {@code custom}
 * @param billingFrequencyCustomMonths months when the frequency is {@code custom}
 * @param billingType {@code advance} or {@code arrears}
 * @param signalType {@code activity} or {@code outcome}
 * @param creditsCurrencyId credit currency id
 * @param creditCost credit cost
 * @param overageUnitPrice overage unit price
 * @param creditRolloverAmount credit rollover amount
 * @param creditBenefits credit benefits, as on the wire
 * @param creditUnitBrackets credit unit brackets ({@code creditUnits}, {@code upTo}), as on the wire
 * @param pricingInput pricing input, e.g. {@code {"kind": "signalQuantity"}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderLinePricing(String chargeType, OrderLinePricePoints pricePoints, @Nullable String eventName,
		@Nullable String pricingModel, @Nullable String billingFrequency, @Nullable Integer billingFrequencyCustomMonths,
		@Nullable String billingType, @Nullable String signalType, @Nullable String creditsCurrencyId,
		@Nullable BigDecimal creditCost, @Nullable BigDecimal overageUnitPrice, @Nullable BigDecimal creditRolloverAmount,
		@Nullable List<Map<String, Object>> creditBenefits, @Nullable List<Map<String, Object>> creditUnitBrackets,
		@Nullable Map<String, Object> pricingInput) {

	/**
	 * Usage pricing per unit of a signal.
	 * @param eventName signal name
	 * @param currency ISO 4217 currency
	 * @param unitPrice price per unit
	 * @return the pricing
	 */
	public static OrderLinePricing usagePerUnit(String eventName, String currency, BigDecimal unitPrice) {
		return new OrderLinePricing("usage", new OrderLinePricePoints(currency, unitPrice, null, null, null), eventName,
				"perUnit", "monthly", null, "arrears", null, null, null, null, null, null, null, null);
	}

	/**
	 * Recurring flat-per-unit pricing billed in advance.
	 * @param billingFrequency e.g. {@code monthly}
	 * @param currency ISO 4217 currency
	 * @param unitPrice price per unit per period
	 * @return the pricing
	 */
	public static OrderLinePricing recurring(String billingFrequency, String currency, BigDecimal unitPrice) {
		return new OrderLinePricing("recurring", new OrderLinePricePoints(currency, unitPrice, null, null, null), null,
				"perUnit", billingFrequency, null, "advance", null, null, null, null, null, null, null, null);
	}

}
