package ai.paid.spring.catalog;

// Why this class is long: over 300 lines because the wire enums of a price (pricing type, frequency, billing type,
// signal type) and its builder belong to the one record they describe; each part is a few lines.

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One priced attribute of a declared product: Paid's {@code ProductAttributeUpsert} with a per-unit pricing. Prices
 * are in major units ({@code 0.10} is ten cents); {@link UnitPriceConversion} turns them into Paid's
 * {@code unitPrice}. Build one with {@link #builder(String, PricingType)} or through
 * {@link PaidProductDefinition.Builder}.
 *
 * @param name the attribute's name in Paid; attributes are matched to Paid's by it (required)
 * @param active whether the attribute is active ({@code false} retires it in Paid without deleting it)
 * @param pricingType the pricing variant
 * @param eventName the signal name that drives usage pricing (required for {@link PricingType#USAGE_PER_UNIT})
 * @param signalType {@code activity} or {@code outcome} (usage only)
 * @param billingFrequency how often it is billed (required for recurring and seat-based pricing)
 * @param billingFrequencyCustomMonths months between bills with {@link BillingFrequency#CUSTOM}
 * @param billingType in advance or in arrears
 * @param feeType the kind of a one-time fee ({@code setup}, {@code onboarding}, ...)
 * @param prices one price per currency (at least one)
 */
public record PaidPriceDefinition(String name, boolean active, PricingType pricingType, @Nullable String eventName,
		@Nullable SignalType signalType, @Nullable BillingFrequency billingFrequency,
		@Nullable Integer billingFrequencyCustomMonths, @Nullable BillingType billingType, @Nullable String feeType,
		List<Price> prices) {

	private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

	/**
	 * Checks the definition.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public PaidPriceDefinition {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A price needs a name");
		}
		String what = "Price '" + name + "'";
		if (pricingType == null) {
			throw new IllegalArgumentException(what + " needs a pricing type");
		}
		if (pricingType == PricingType.USAGE_PER_UNIT && (eventName == null || eventName.isBlank())) {
			throw new IllegalArgumentException(what + " is usage pricing and needs the event name of its signals");
		}
		if (pricingType != PricingType.USAGE_PER_UNIT && (eventName != null || signalType != null)) {
			throw new IllegalArgumentException(what + ": event name and signal type apply to usage pricing only");
		}
		if ((pricingType == PricingType.RECURRING_PER_UNIT || pricingType == PricingType.SEAT_BASED_PER_UNIT)
				&& billingFrequency == null) {
			throw new IllegalArgumentException(what + " needs a billing frequency");
		}
		if (pricingType == PricingType.ONE_TIME_PER_UNIT && billingFrequency != null) {
			throw new IllegalArgumentException(what + " is a one-time price and takes no billing frequency");
		}
		if ((billingFrequency == BillingFrequency.CUSTOM) != (billingFrequencyCustomMonths != null)) {
			throw new IllegalArgumentException(what + ": a custom billing frequency goes with its number of months, "
					+ "and the number of months only with a custom frequency");
		}
		if (feeType != null && pricingType != PricingType.ONE_TIME_PER_UNIT) {
			throw new IllegalArgumentException(what + ": a fee type applies to one-time prices only");
		}
		if (prices == null || prices.isEmpty()) {
			throw new IllegalArgumentException(what + " needs at least one price (currency and amount)");
		}
		List<String> currencies = new ArrayList<>();
		for (Price price : prices) {
			if (currencies.contains(price.currency())) {
				throw new IllegalArgumentException(what + " has two prices in " + price.currency());
			}
			currencies.add(price.currency());
		}
		prices = List.copyOf(prices);
	}

	/**
	 * Starts a price.
	 * @param name the attribute's name in Paid
	 * @param pricingType the pricing variant
	 * @return the builder
	 */
	public static Builder builder(String name, PricingType pricingType) {
		return new Builder(name, pricingType);
	}

	/**
	 * A price in one currency.
	 *
	 * @param currency ISO 4217 code, e.g. {@code USD}
	 * @param amount the price per unit in major units ({@code 0.10} is ten cents)
	 */
	public record Price(String currency, BigDecimal amount) {

		/**
		 * Checks the price.
		 * @throws IllegalArgumentException naming what is wrong
		 */
		public Price {
			if (currency == null || !CURRENCY.matcher(currency).matches()) {
				throw new IllegalArgumentException(
						"Currency '" + currency + "' is not an ISO 4217 code in capitals, e.g. USD");
			}
			if (amount == null || amount.signum() < 0) {
				throw new IllegalArgumentException("The " + currency + " price must be 0 or more, was " + amount);
			}
		}

	}

	/** Paid's per-unit pricing variants ({@code pricingType}). */
	public enum PricingType {

		/** A fixed fee per period, e.g. a platform fee of $500 a month. */
		RECURRING_PER_UNIT("RecurringPerUnit"),

		/** A price per signal of one event name, e.g. $0.10 per {@code email_sent}. */
		USAGE_PER_UNIT("UsagePerUnit"),

		/** A one-time fee. */
		ONE_TIME_PER_UNIT("OneTimePerUnit"),

		/** A price per seat and period. */
		SEAT_BASED_PER_UNIT("SeatBasedPerUnit");

		private final String wire;

		PricingType(String wire) {
			this.wire = wire;
		}

		/**
		 * The value on the wire.
		 * @return e.g. {@code UsagePerUnit}
		 */
		public String wire() {
			return this.wire;
		}

	}

	/** How often a price is billed; Title-case on the wire. */
	public enum BillingFrequency {

		/** {@code Monthly}. */
		MONTHLY("Monthly"),

		/** {@code Quarterly}. */
		QUARTERLY("Quarterly"),

		/** {@code Semi-Annually}. */
		SEMI_ANNUALLY("Semi-Annually"),

		/** {@code Annual}. */
		ANNUAL("Annual"),

		/** {@code Custom}, with a number of months. */
		CUSTOM("Custom");

		private final String wire;

		BillingFrequency(String wire) {
			this.wire = wire;
		}

		/**
		 * The value on the wire.
		 * @return e.g. {@code Monthly}
		 */
		public String wire() {
			return this.wire;
		}

	}

	/** Whether a price is billed before or after the period; Title-case on the wire. */
	public enum BillingType {

		/** {@code Advance}. */
		ADVANCE,

		/** {@code Arrears}. */
		ARREARS;

		/**
		 * The value on the wire.
		 * @return {@code Advance} or {@code Arrears}
		 */
		public String wire() {
			String name = name().toLowerCase(Locale.ROOT);
			return Character.toUpperCase(name.charAt(0)) + name.substring(1);
		}

	}

	/** What a usage signal stands for; lower-case on the wire. It is a label: the pricing maths are the same. */
	public enum SignalType {

		/** Work the agent did, e.g. an email sent. */
		ACTIVITY,

		/** A result the customer values, e.g. a meeting booked. */
		OUTCOME;

		/**
		 * The value on the wire.
		 * @return {@code activity} or {@code outcome}
		 */
		public String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Builds a {@link PaidPriceDefinition}. Unless set: active; billed monthly (recurring, seat-based and usage
	 * prices), in advance for fees and in arrears for usage (the seed's choices; Paid documents no defaults).
	 */
	public static final class Builder {

		private final String name;

		private final PricingType pricingType;

		private boolean active = true;

		private @Nullable String eventName;

		private @Nullable SignalType signalType;

		private @Nullable BillingFrequency billingFrequency;

		private @Nullable Integer customMonths;

		private @Nullable BillingType billingType;

		private @Nullable String feeType;

		private final List<Price> prices = new ArrayList<>();

		private Builder(String name, PricingType pricingType) {
			this.name = name;
			this.pricingType = pricingType;
		}

		/** Whether the attribute is active (default {@code true}). */
		public Builder active(boolean active) {
			this.active = active;
			return this;
		}

		/** The signal name that drives usage pricing. */
		public Builder eventName(String eventName) {
			this.eventName = eventName;
			return this;
		}

		/** {@code activity} or {@code outcome}. */
		public Builder signalType(SignalType signalType) {
			this.signalType = signalType;
			return this;
		}

		/** How often it is billed. */
		public Builder billingFrequency(BillingFrequency billingFrequency) {
			this.billingFrequency = billingFrequency;
			return this;
		}

		/** A custom billing frequency of this many months. */
		public Builder everyMonths(int months) {
			this.billingFrequency = BillingFrequency.CUSTOM;
			this.customMonths = months;
			return this;
		}

		/** In advance or in arrears. */
		public Builder billingType(BillingType billingType) {
			this.billingType = billingType;
			return this;
		}

		/** The kind of a one-time fee. */
		public Builder feeType(String feeType) {
			this.feeType = feeType;
			return this;
		}

		/**
		 * A price in one currency, in major units.
		 * @param currency ISO 4217 code
		 * @param amount the price per unit, e.g. {@code 0.10}
		 * @return this builder
		 */
		public Builder price(String currency, Number amount) {
			this.prices.add(new Price(currency,
					(amount instanceof BigDecimal decimal) ? decimal : new BigDecimal(amount.toString())));
			return this;
		}

		/**
		 * Builds the price, applying the defaults.
		 * @return the price
		 * @throws IllegalArgumentException naming what is wrong
		 */
		public PaidPriceDefinition build() {
			BillingFrequency frequency = this.billingFrequency;
			if (frequency == null && this.pricingType != PricingType.ONE_TIME_PER_UNIT) {
				frequency = BillingFrequency.MONTHLY;
			}
			BillingType type = this.billingType;
			if (type == null) {
				type = (this.pricingType == PricingType.USAGE_PER_UNIT) ? BillingType.ARREARS : BillingType.ADVANCE;
			}
			return new PaidPriceDefinition(this.name, this.active, this.pricingType, this.eventName, this.signalType,
					frequency, this.customMonths, type, this.feeType, this.prices);
		}

	}

}
