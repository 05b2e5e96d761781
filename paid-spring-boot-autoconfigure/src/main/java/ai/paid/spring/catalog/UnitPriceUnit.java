package ai.paid.spring.catalog;

/**
 * The unit Paid's {@code unitPrice} is in ({@code paid.catalog.unit-price-unit}). Paid does not document it: its
 * cost API uses major units and a public v2 script sends {@code 3.99} for £3.99, while Paid's agent skill says cents.
 */
public enum UnitPriceUnit {

	/** {@code unitPrice: 0.10} means $0.10 (the default). */
	MAJOR,

	/** {@code unitPrice: 10} means $0.10: minor units (cents), per the currency's fraction digits. */
	MINOR

}
