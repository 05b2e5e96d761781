package ai.paid.spring.autoconfigure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.paid.spring.catalog.PaidCatalogMode;
import ai.paid.spring.catalog.PaidPriceDefinition;
import ai.paid.spring.catalog.PaidPriceDefinition.BillingFrequency;
import ai.paid.spring.catalog.PaidPriceDefinition.BillingType;
import ai.paid.spring.catalog.PaidPriceDefinition.PricingType;
import ai.paid.spring.catalog.PaidPriceDefinition.SignalType;
import ai.paid.spring.catalog.PaidProductDefinition;
import ai.paid.spring.catalog.UnitPriceUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Products and pricing declared in the application ({@code paid.catalog.*}) and reconciled with Paid at startup.
 *
 * @param mode What the startup reconcile does: off (nothing), verify (compare and report, never write) or apply
 * (create missing products and update the ones that differ). Billing configuration changes only with apply.
 * @param failOnDrift Whether the start fails when, in verify mode, a declared product is missing in Paid or differs
 * from its declaration.
 * @param unitPriceUnit The unit of Paid's unitPrice, which Paid does not document: major (0.10 is ten cents) or minor
 * (10 is ten cents). Declared prices are always in major units and converted here only.
 * @param currency Currency of a declared price that names none.
 * @param sendSignalType Whether usage prices are sent with their signalType (activity or outcome). It is new in Paid's
 * API (paid-java 1.1); set false if Paid answers 400 for it, and it is then neither sent nor compared.
 * @param products Declared products by external id.
 */
@ConfigurationProperties("paid.catalog")
public record PaidCatalogProperties(@DefaultValue("verify") PaidCatalogMode mode,
		@DefaultValue("false") boolean failOnDrift, @DefaultValue("major") UnitPriceUnit unitPriceUnit,
		@DefaultValue("USD") String currency, @DefaultValue("true") boolean sendSignalType,
		@DefaultValue Map<String, Product> products) {

	/**
	 * The declared products as definitions.
	 * @return the definitions, in declaration order
	 * @throws InvalidPaidConfigurationException naming the property at fault
	 */
	List<PaidProductDefinition> toDefinitions() {
		List<PaidProductDefinition> definitions = new ArrayList<>();
		this.products.forEach((externalId, product) -> definitions.add(product.toDefinition(externalId, this.currency)));
		return definitions;
	}

	/**
	 * One declared product ({@code paid.catalog.products.<external-id>.*}).
	 *
	 * @param name The product's name in Paid (required).
	 * @param description The product's description; not compared when unset.
	 * @param productCode The product code; not compared when unset.
	 * @param active Whether the product is active.
	 * @param prices The product's priced attributes, each matched to Paid's attribute of the same name.
	 */
	public record Product(@Nullable String name, @Nullable String description, @Nullable String productCode,
			@DefaultValue("true") boolean active, @DefaultValue List<Price> prices) {

		PaidProductDefinition toDefinition(String externalId, String defaultCurrency) {
			String property = "paid.catalog.products." + externalId;
			if (this.name == null || this.name.isBlank()) {
				throw invalid(property + ".name", "Product '" + externalId + "' has no name",
						"Set " + property + ".name");
			}
			PaidProductDefinition.Builder builder = PaidProductDefinition.builder(externalId)
				.name(this.name)
				.description(this.description)
				.productCode(this.productCode)
				.active(this.active);
			for (int i = 0; i < this.prices.size(); i++) {
				builder.price(this.prices.get(i).toDefinition(property + ".prices[" + i + "]", defaultCurrency));
			}
			try {
				return builder.build();
			}
			catch (IllegalArgumentException ex) {
				throw invalid(property, ex.getMessage(), "Fix " + property);
			}
		}

	}

	/**
	 * One priced attribute of a declared product ({@code paid.catalog.products.<external-id>.prices[n].*}).
	 *
	 * @param name The attribute's name in Paid, e.g. Platform fee (required).
	 * @param type The pricing: recurring-per-unit (a fee per period), usage-per-unit (a price per signal),
	 * one-time-per-unit or seat-based-per-unit (required).
	 * @param eventName Event name of the signals a usage price is charged for, e.g. email_sent.
	 * @param signalType Whether a usage price's signals are activity or outcome.
	 * @param billingFrequency How often it is billed: monthly (default for all but one-time prices), quarterly,
	 * semi-annually, annual or custom.
	 * @param billingFrequencyCustomMonths Months between bills with the custom billing frequency.
	 * @param billingType When it is billed: advance (default for fees) or arrears (default for usage).
	 * @param feeType Kind of a one-time fee: setup, onboarding, implementation, migration or custom.
	 * @param currency ISO 4217 code of the price; paid.catalog.currency when unset.
	 * @param unitPrice The price per unit in major units, e.g. 0.10 for ten cents (required).
	 * @param active Whether the attribute is active; false retires it in Paid without deleting it.
	 */
	public record Price(@Nullable String name, @Nullable PricingType type, @Nullable String eventName,
			@Nullable SignalType signalType, @Nullable BillingFrequency billingFrequency,
			@Nullable Integer billingFrequencyCustomMonths, @Nullable BillingType billingType,
			@Nullable String feeType, @Nullable String currency, @Nullable BigDecimal unitPrice,
			@DefaultValue("true") boolean active) {

		PaidPriceDefinition toDefinition(String property, String defaultCurrency) {
			if (this.name == null || this.name.isBlank()) {
				throw invalid(property + ".name", "A price has no name", "Set " + property + ".name");
			}
			if (this.type == null) {
				throw invalid(property + ".type", "Price '" + this.name + "' has no type",
						"Set " + property + ".type to recurring-per-unit, usage-per-unit, one-time-per-unit or "
								+ "seat-based-per-unit");
			}
			if (this.unitPrice == null) {
				throw invalid(property + ".unit-price", "Price '" + this.name + "' has no unit price",
						"Set " + property + ".unit-price (in major units: 0.10 is ten cents)");
			}
			try {
				PaidPriceDefinition.Builder builder = PaidPriceDefinition.builder(this.name, this.type)
					.active(this.active)
					.price((this.currency != null) ? this.currency : defaultCurrency, this.unitPrice);
				if (this.eventName != null) {
					builder.eventName(this.eventName);
				}
				if (this.signalType != null) {
					builder.signalType(this.signalType);
				}
				if (this.billingFrequencyCustomMonths != null) {
					builder.everyMonths(this.billingFrequencyCustomMonths);
				}
				if (this.billingFrequency != null) {
					builder.billingFrequency(this.billingFrequency);
				}
				if (this.billingType != null) {
					builder.billingType(this.billingType);
				}
				if (this.feeType != null) {
					builder.feeType(this.feeType);
				}
				return builder.build();
			}
			catch (IllegalArgumentException ex) {
				throw invalid(property, ex.getMessage(), "Fix " + property);
			}
		}

	}

	private static InvalidPaidConfigurationException invalid(String property, @Nullable String message,
			String action) {
		return new InvalidPaidConfigurationException(property, String.valueOf(message), action + ".");
	}

}
