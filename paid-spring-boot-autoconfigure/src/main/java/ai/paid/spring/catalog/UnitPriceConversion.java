package ai.paid.spring.catalog;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The one place where a declared price (always in major units: {@code 0.10} is ten cents) becomes Paid's
 * {@code unitPrice} and back, per {@link UnitPriceUnit}. Minor units use the currency's fraction digits (2 for
 * {@code USD}, 0 for {@code JPY}; 2 for a code Java does not know).
 */
public final class UnitPriceConversion {

	private final UnitPriceUnit unit;

	/**
	 * @param unit the unit Paid's {@code unitPrice} is in
	 */
	public UnitPriceConversion(UnitPriceUnit unit) {
		this.unit = unit;
	}

	/**
	 * The unit of the wire value.
	 * @return the unit
	 */
	public UnitPriceUnit unit() {
		return this.unit;
	}

	/**
	 * A declared price as Paid's {@code unitPrice}.
	 * @param currency the currency code
	 * @param majorUnits the price in major units
	 * @return the wire value
	 */
	public BigDecimal toWire(String currency, BigDecimal majorUnits) {
		if (this.unit == UnitPriceUnit.MAJOR) {
			return majorUnits;
		}
		BigDecimal minor = majorUnits.movePointRight(fractionDigits(currency)).stripTrailingZeros();
		return (minor.scale() < 0) ? minor.setScale(0) : minor;
	}

	/**
	 * Paid's {@code unitPrice} in major units.
	 * @param currency the currency code
	 * @param wire the wire value
	 * @return the price in major units
	 */
	public BigDecimal fromWire(String currency, BigDecimal wire) {
		return (this.unit == UnitPriceUnit.MAJOR) ? wire : wire.movePointLeft(fractionDigits(currency));
	}

	private static int fractionDigits(String currency) {
		try {
			int digits = Currency.getInstance(currency).getDefaultFractionDigits();
			return (digits >= 0) ? digits : 2;
		}
		catch (IllegalArgumentException ex) {
			return 2;
		}
	}

}
