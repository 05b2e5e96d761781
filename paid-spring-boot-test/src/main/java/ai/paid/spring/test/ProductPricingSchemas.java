package ai.paid.spring.test;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static ai.paid.spring.test.WireSchema.Type.ARRAY;
import static ai.paid.spring.test.WireSchema.Type.BOOLEAN;
import static ai.paid.spring.test.WireSchema.Type.INTEGER;
import static ai.paid.spring.test.WireSchema.Type.NUMBER;
import static ai.paid.spring.test.WireSchema.Type.OBJECT;
import static ai.paid.spring.test.WireSchema.Type.STRING;

/**
 * Product pricing as {@code PUT /products/…} takes it (paid-api.md §10.1): {@code ProductAttributeUpsert} and the
 * {@code pricing} union tagged by {@code pricingType}, with the required and optional fields of each of the 15
 * variants, Title-case {@code billingFrequency}/{@code billingType} and lower-case {@code signalType},
 * {@code feeType} and {@code tierBillingType}. A malformed pricing is answered with Paid's 400 error shape.
 */
final class ProductPricingSchemas {

	static final WireSchema TIER = WireSchema.named("ProductTier")
		.required("lowerBound", NUMBER)
		.optional("upperBound", NUMBER)
		.optional("unitAmount", NUMBER)
		.optional("flatAmount", NUMBER)
		.optionalEnum("tierBillingType", "flat", "perUnit")
		.optional("index", INTEGER)
		.optional("number", NUMBER);

	static final WireSchema SIMPLE_POINT = WireSchema.named("ProductSimplePricePoint")
		.required("currency", STRING)
		.required("unitPrice", NUMBER)
		.nested("tiers", ARRAY, false, false, TIER)
		.optional("minQuantity", NUMBER)
		.optional("maxQuantity", NUMBER)
		.optional("includedQuantity", NUMBER);

	static final WireSchema TIERED_POINT = WireSchema.named("ProductTieredPricePoint")
		.required("currency", STRING)
		.required("unitPrice", NUMBER)
		.nested("tiers", ARRAY, true, false, TIER)
		.optional("minQuantity", NUMBER)
		.optional("maxQuantity", NUMBER)
		.optional("includedQuantity", NUMBER);

	static final WireSchema CREDIT_BENEFIT = WireSchema.named("ProductCreditBenefitInput")
		.required("creditsCurrencyId", STRING)
		.required("amount", NUMBER)
		.optionalEnum("recipient", "organization", "seat")
		.optional("isInfiniteTotal", BOOLEAN)
		.optionalEnum("allocationCadence", "upfront", "monthly")
		.nullable("creditGrantTiming", STRING)
		.nullable("overageUnitPrice", INTEGER)
		.nullable("rolloverAmount", NUMBER)
		.nullable("rolloverDuration", INTEGER)
		.nullable("rolloverDurationUnit", STRING);

	static final WireSchema ATTRIBUTE = WireSchema.named("ProductAttributeUpsert")
		.optional("productAttributeId", STRING)
		.required("name", STRING)
		.optional("active", BOOLEAN)
		.required("pricing", OBJECT)
		.nested("creditBenefits", ARRAY, false, false, CREDIT_BENEFIT)
		.nullable("taxCode", STRING);

	private static final String[] FREQUENCIES = { "Monthly", "Quarterly", "Semi-Annually", "Annual", "Custom" };

	private static final String[] BILLING_TYPES = { "Advance", "Arrears" };

	private static final WireSchema PRICING_INPUT = WireSchema.named("PricingInput")
		.requiredEnum("kind", "signalQuantity");

	private static final WireSchema BRACKET = WireSchema.named("CreditUnitBracket")
		.required("creditUnits", INTEGER)
		.nullable("upTo", INTEGER);

	private static final Map<String, WireSchema> VARIANTS = new LinkedHashMap<>();

	static {
		variant("RecurringPerUnit").requiredEnum("billingFrequency", FREQUENCIES).points(true, false).common(false);
		variant("UsagePerUnit").required("eventName", STRING).points(true, false).signalType().common(true);
		variant("OneTimePerUnit").points(true, false)
			.schema.optionalEnum("feeType", "setup", "onboarding", "implementation", "migration", "custom")
			.optionalEnum("billingType", BILLING_TYPES);
		variant("UsagePrepaidCredits").required("eventName", STRING)
			.required("creditsCurrencyId", STRING)
			.required("creditCost", NUMBER)
			.optional("unitValue", NUMBER)
			.pricingInput(false)
			.points(false, false)
			.signalType()
			.common(true);
		variant("SeatBasedPerUnit").requiredEnum("billingFrequency", FREQUENCIES).points(true, false).common(false);
		for (String name : new String[] { "RecurringGraduated", "RecurringVolume", "SeatBasedGraduated",
				"SeatBasedVolume" }) {
			variant(name).requiredEnum("billingFrequency", FREQUENCIES).points(true, true).common(false);
		}
		variant("RecurringPercentOfTotal").required("percentageValue", NUMBER)
			.requiredEnum("billingFrequency", FREQUENCIES)
			.points(false, false)
			.common(false);
		for (String name : new String[] { "UsageGraduated", "UsageVolume" }) {
			variant(name).required("eventName", STRING).points(true, true).signalType().common(true);
		}
		variant("UsageBracketedPrepaidCredits").required("eventName", STRING)
			.pricingInput(true)
			.brackets()
			.optional("creditsCurrencyId", STRING)
			.optional("unitValue", NUMBER)
			.optional("overageUnitPrice", NUMBER)
			.optional("creditRolloverAmount", NUMBER)
			.points(false, false)
			.signalType()
			.common(true);
		variant("UsageCostPlus").required("costPlusMultiplier", NUMBER).points(false, false).common(true);
		variant("SeatBasedPrepaidCredits").required("creditsCurrencyId", STRING)
			.required("creditCost", NUMBER)
			.requiredEnum("billingFrequency", FREQUENCIES)
			.optional("unitValue", NUMBER)
			.points(false, false)
			.common(false);
	}

	private ProductPricingSchemas() {
	}

	/** Validates one attribute of an update body, including its pricing variant. */
	static void validateAttribute(JsonNode attribute, String where, boolean rejectUnknownFields) {
		ATTRIBUTE.validate(attribute, where, rejectUnknownFields);
		JsonNode pricing = attribute.get("pricing");
		JsonNode type = pricing.get("pricingType");
		if (type == null || type.isNull()) {
			throw MockApiError.badRequest("MISSING_REQUIRED_FIELD", where + ".pricing.pricingType is required");
		}
		WireSchema schema = type.isString() ? VARIANTS.get(type.stringValue()) : null;
		if (schema == null) {
			throw MockApiError.badRequest("INVALID_FIELD",
					where + ".pricing.pricingType must be one of " + VARIANTS.keySet());
		}
		schema.validate(pricing, where + ".pricing", rejectUnknownFields);
	}

	/**
	 * The pricing as Paid returns it ({@code ProductPricingOutput}): the input's fields plus {@code chargeType} and
	 * {@code pricingModel}; enum values lower-cased when the mock is told to echo them in another casing.
	 */
	static ObjectNode output(JsonNode input, boolean lowerCaseEnums) {
		ObjectNode output = ((ObjectNode) input).deepCopy();
		String type = input.get("pricingType").stringValue();
		output.put("chargeType", chargeType(type));
		output.put("pricingModel", pricingModel(type));
		if (!output.has("pricePoints")) {
			output.putArray("pricePoints");
		}
		if (lowerCaseEnums) {
			for (String field : new String[] { "billingFrequency", "billingType" }) {
				JsonNode value = output.get(field);
				if (value != null && value.isString()) {
					output.put(field, value.stringValue().toLowerCase(java.util.Locale.ROOT));
				}
			}
		}
		return output;
	}

	private static String chargeType(String type) {
		if (type.startsWith("Recurring")) {
			return "recurring";
		}
		if (type.startsWith("Usage")) {
			return "usage";
		}
		return type.startsWith("OneTime") ? "oneTime" : "seatBased";
	}

	private static String pricingModel(String type) {
		if (type.endsWith("BracketedPrepaidCredits")) {
			return "bracketedPrepaidCredits";
		}
		if (type.endsWith("PrepaidCredits")) {
			return "prepaidCredits";
		}
		if (type.endsWith("Graduated")) {
			return "graduatedPricing";
		}
		if (type.endsWith("Volume")) {
			return "volumePricing";
		}
		if (type.endsWith("PercentOfTotal")) {
			return "percentOfTotal";
		}
		return type.endsWith("CostPlus") ? "costPlus" : "perUnit";
	}

	private static VariantBuilder variant(String name) {
		WireSchema schema = WireSchema.named(name).required("pricingType", STRING);
		VARIANTS.put(name, schema);
		return new VariantBuilder(schema);
	}

	/** Fills one variant's schema. */
	private record VariantBuilder(WireSchema schema) {

		VariantBuilder required(String field, WireSchema.Type type) {
			this.schema.required(field, type);
			return this;
		}

		VariantBuilder optional(String field, WireSchema.Type type) {
			this.schema.optional(field, type);
			return this;
		}

		VariantBuilder requiredEnum(String field, String... values) {
			this.schema.requiredEnum(field, values);
			return this;
		}

		VariantBuilder points(boolean required, boolean tiered) {
			this.schema.nested("pricePoints", ARRAY, required, false, tiered ? TIERED_POINT : SIMPLE_POINT);
			return this;
		}

		VariantBuilder signalType() {
			this.schema.optionalEnum("signalType", "activity", "outcome");
			return this;
		}

		VariantBuilder pricingInput(boolean required) {
			this.schema.nested("pricingInput", OBJECT, required, false, PRICING_INPUT);
			return this;
		}

		VariantBuilder brackets() {
			this.schema.nested("creditUnitBrackets", ARRAY, true, false, BRACKET);
			return this;
		}

		/** {@code billingFrequency} (optional unless already required), custom months and billing type. */
		void common(boolean frequencyOptional) {
			if (frequencyOptional) {
				this.schema.optionalEnum("billingFrequency", FREQUENCIES);
			}
			this.schema.optional("billingFrequencyCustomMonths", INTEGER);
			this.schema.optionalEnum("billingType", BILLING_TYPES);
		}

	}

}
