package ai.paid.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Range checks for the {@code paid.*} properties records, run when they are bound: a value out of range stops the
 * application with an {@link InvalidPaidConfigurationException} naming the property, the value and the allowed
 * range, reported by {@link InvalidPaidConfigurationFailureAnalyzer}. Plain checks rather than Bean Validation
 * constraints, so that they hold whether or not the application has a Bean Validation provider.
 */
final class PropertyConstraints {

	private PropertyConstraints() {
	}

	/**
	 * Requires {@code value >= min}.
	 * @param property the property's name
	 * @param value the bound value
	 * @param min smallest allowed value
	 */
	static void atLeast(String property, int value, int min) {
		if (value < min) {
			throw invalid(property, String.valueOf(value), min + " or more");
		}
	}

	/**
	 * Requires a duration longer than zero.
	 * @param property the property's name
	 * @param value the bound value
	 */
	static void between(String property, int value, int min, int max) {
		if (value < min || value > max) {
			throw invalid(property, Integer.toString(value), "between " + min + " and " + max);
		}
	}

	static void positive(String property, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(property, format(value), "a duration longer than zero, such as 500ms, 10s or 5m");
		}
	}

	/**
	 * Requires a duration of zero or more.
	 * @param property the property's name
	 * @param value the bound value
	 */
	static void notNegative(String property, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			throw invalid(property, format(value), "a duration of zero or more, such as 0s, 10s or 5m");
		}
	}

	/**
	 * Requires {@code min < value <= max}.
	 * @param property the property's name
	 * @param value the bound value
	 * @param min exclusive lower bound
	 * @param max inclusive upper bound
	 */
	static void above(String property, double value, double min, double max) {
		if (!(value > min && value <= max)) {
			throw invalid(property, String.valueOf(value), "more than " + min + " and at most " + max);
		}
	}

	/**
	 * Requires one duration to be no longer than another.
	 * @param shorter the property that must not be longer
	 * @param shorterValue its value
	 * @param longer the property it is compared with
	 * @param longerValue that one's value
	 */
	static void notLonger(String shorter, Duration shorterValue, String longer, Duration longerValue) {
		if (shorterValue.compareTo(longerValue) > 0) {
			throw new InvalidPaidConfigurationException(shorter,
					shorter + " is " + format(shorterValue) + ", longer than " + longer + " (" + format(longerValue) + ").",
					"Set " + shorter + " to at most " + longer + ", or raise " + longer + ".");
		}
	}

	/** A duration the way it is written in a property: {@code 90s}, {@code -5m}, {@code 250ms}. */
	static String format(@Nullable Duration value) {
		if (value == null) {
			return "(empty)";
		}
		long nanos = value.toNanos();
		if (nanos == 0) {
			return "0s";
		}
		long[] units = { 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L };
		String[] suffixes = { "d", "h", "m", "s", "ms", "us" };
		for (int i = 0; i < units.length; i++) {
			if (nanos % units[i] == 0) {
				return (nanos / units[i]) + suffixes[i];
			}
		}
		return nanos + "ns";
	}

	private static InvalidPaidConfigurationException invalid(String property, String value, String allowed) {
		return new InvalidPaidConfigurationException(property,
				"Invalid value '" + value + "' for " + property + ": it must be " + allowed + ".",
				"Set " + property + " to " + allowed + ", or remove it to use the default.");
	}

}
