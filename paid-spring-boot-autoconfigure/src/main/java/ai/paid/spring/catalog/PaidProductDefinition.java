package ai.paid.spring.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ai.paid.spring.catalog.PaidPriceDefinition.PricingType;
import ai.paid.spring.catalog.PaidPriceDefinition.SignalType;
import org.jspecify.annotations.Nullable;

/**
 * A product as the application declares it, with its prices; the catalog reconciler makes Paid match it
 * ({@code paid.catalog.mode}). Declare one as a bean, or in {@code paid.catalog.products.<external-id>.*}. The seed's
 * AI SDR product:
 * <pre class="code">
 * &#64;Bean
 * PaidProductDefinition aiSdr() {
 *     return PaidProductDefinition.builder("ai-sdr-001").name("AI SDR")
 *         .recurring("Platform fee", "USD", 500)
 *         .usage("Usage pricing", "email_sent", "USD", 0.10)
 *         .outcome("Outcome pricing", "meeting_booked", "USD", 50)
 *         .build();
 * }
 * </pre>
 *
 * @param externalId your id for the product; Paid's product is found by it (required)
 * @param name the product's name (required)
 * @param description description, not compared when {@code null}
 * @param productCode product code, not compared when {@code null}
 * @param active whether the product is active
 * @param prices the priced attributes, each matched to Paid's attribute of the same name
 */
public record PaidProductDefinition(String externalId, String name, @Nullable String description,
		@Nullable String productCode, boolean active, List<PaidPriceDefinition> prices) {

	/**
	 * Checks the definition.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public PaidProductDefinition {
		if (externalId == null || externalId.isBlank()) {
			throw new IllegalArgumentException("A product needs an external id");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Product '" + externalId + "' needs a name");
		}
		List<String> names = new ArrayList<>();
		for (PaidPriceDefinition price : prices) {
			if (names.contains(price.name())) {
				throw new IllegalArgumentException("Product '" + externalId + "' declares two prices named '"
						+ price.name() + "'; attributes are matched to Paid's by name, so names must be unique");
			}
			names.add(price.name());
		}
		prices = List.copyOf(prices);
	}

	/**
	 * Starts a product.
	 * @param externalId your id for the product
	 * @return the builder
	 */
	public static Builder builder(String externalId) {
		return new Builder(externalId);
	}

	/**
	 * Builds a {@link PaidProductDefinition}.
	 */
	public static final class Builder {

		private final String externalId;

		private @Nullable String name;

		private @Nullable String description;

		private @Nullable String productCode;

		private boolean active = true;

		private final List<PaidPriceDefinition> prices = new ArrayList<>();

		private Builder(String externalId) {
			this.externalId = externalId;
		}

		/** The product's name. */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/** The product's description. */
		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		/** The product code. */
		public Builder productCode(@Nullable String productCode) {
			this.productCode = productCode;
			return this;
		}

		/** Whether the product is active (default {@code true}). */
		public Builder active(boolean active) {
			this.active = active;
			return this;
		}

		/**
		 * A fixed fee billed monthly in advance ({@code RecurringPerUnit}).
		 * @param name the attribute's name, e.g. {@code Platform fee}
		 * @param currency ISO 4217 code
		 * @param amount the fee in major units
		 * @return this builder
		 */
		public Builder recurring(String name, String currency, Number amount) {
			return price(PaidPriceDefinition.builder(name, PricingType.RECURRING_PER_UNIT)
				.price(currency, amount)
				.build());
		}

		/**
		 * A price per {@code activity} signal, billed monthly in arrears ({@code UsagePerUnit}).
		 * @param name the attribute's name, e.g. {@code Usage pricing}
		 * @param eventName the signals' event name, e.g. {@code email_sent}
		 * @param currency ISO 4217 code
		 * @param amount the price per signal in major units
		 * @return this builder
		 */
		public Builder usage(String name, String eventName, String currency, Number amount) {
			return price(PaidPriceDefinition.builder(name, PricingType.USAGE_PER_UNIT)
				.eventName(eventName)
				.signalType(SignalType.ACTIVITY)
				.price(currency, amount)
				.build());
		}

		/**
		 * A price per {@code outcome} signal, billed monthly in arrears ({@code UsagePerUnit}).
		 * @param name the attribute's name, e.g. {@code Outcome pricing}
		 * @param eventName the signals' event name, e.g. {@code meeting_booked}
		 * @param currency ISO 4217 code
		 * @param amount the price per signal in major units
		 * @return this builder
		 */
		public Builder outcome(String name, String eventName, String currency, Number amount) {
			return price(PaidPriceDefinition.builder(name, PricingType.USAGE_PER_UNIT)
				.eventName(eventName)
				.signalType(SignalType.OUTCOME)
				.price(currency, amount)
				.build());
		}

		/**
		 * Any price, built with {@link PaidPriceDefinition#builder}.
		 * @param price the price
		 * @return this builder
		 */
		public Builder price(PaidPriceDefinition price) {
			this.prices.add(price);
			return this;
		}

		/**
		 * A price of the given type, customized.
		 * @param name the attribute's name
		 * @param pricingType the pricing variant
		 * @param customizer sets the price's fields
		 * @return this builder
		 */
		public Builder price(String name, PricingType pricingType, Consumer<PaidPriceDefinition.Builder> customizer) {
			PaidPriceDefinition.Builder builder = PaidPriceDefinition.builder(name, pricingType);
			customizer.accept(builder);
			return price(builder.build());
		}

		/**
		 * Builds the product.
		 * @return the product
		 * @throws IllegalArgumentException naming what is wrong
		 */
		public PaidProductDefinition build() {
			return new PaidProductDefinition(this.externalId, (this.name != null) ? this.name : "",
					this.description, this.productCode, this.active, this.prices);
		}

	}

}
