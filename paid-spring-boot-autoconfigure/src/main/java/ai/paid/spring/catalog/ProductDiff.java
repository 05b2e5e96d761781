package ai.paid.spring.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import ai.paid.spring.client.ProductAttribute;
import ai.paid.spring.client.ProductAttributeUpsert;
import ai.paid.spring.client.ProductDetail;
import ai.paid.spring.client.ProductPricePoint;
import ai.paid.spring.client.ProductPricing;
import ai.paid.spring.client.UpdateProductRequest;
import org.jspecify.annotations.Nullable;

/**
 * What differs between a declared product and Paid's, and the update that makes Paid match. Each declared price is
 * matched to Paid's attribute of the same name (an active one first) and updated through the
 * {@code productAttributeId} read from Paid, so a re-run changes nothing and no attribute is ever re-sent without its
 * id; a declared price Paid has no attribute for is created. Paid's attributes and fields the declaration does not
 * name are left alone. Enum values are compared ignoring case and separators, since Paid returns them as plain
 * strings; prices are compared as numbers after {@link UnitPriceConversion}.
 */
final class ProductDiff {

	private final List<String> differences = new ArrayList<>();

	private final List<ProductAttributeUpsert> attributes = new ArrayList<>();

	private @Nullable String name;

	private @Nullable String description;

	private @Nullable String productCode;

	private @Nullable Boolean active;

	private ProductDiff() {
	}

	static ProductDiff between(PaidProductDefinition declared, ProductDetail paid, UnitPriceConversion conversion,
			boolean signalType) {
		ProductDiff diff = new ProductDiff();
		if (!declared.name().equals(paid.name())) {
			diff.name = declared.name();
			diff.differ("name", paid.name(), declared.name());
		}
		if (declared.description() != null && !declared.description().equals(paid.description())) {
			diff.description = declared.description();
			diff.differ("description", paid.description(), declared.description());
		}
		if (declared.productCode() != null && !declared.productCode().equals(paid.productCode())) {
			diff.productCode = declared.productCode();
			diff.differ("productCode", paid.productCode(), declared.productCode());
		}
		boolean paidActive = !Boolean.FALSE.equals(paid.active());
		if (declared.active() != paidActive) {
			diff.active = declared.active();
			diff.differ("active", paidActive, declared.active());
		}
		for (PaidPriceDefinition price : declared.prices()) {
			diff.compare(price, match(price.name(), paid.attributes()), conversion, signalType);
		}
		return diff;
	}

	/**
	 * The wire pricing of a declared price.
	 * @param signalType whether to send {@code signalType} (Paid's 1.0 schema does not know it)
	 */
	static ProductPricing pricing(PaidPriceDefinition price, UnitPriceConversion conversion, boolean signalType) {
		List<ProductPricePoint> points = price.prices()
			.stream()
			.map((p) -> new ProductPricePoint(p.currency(), conversion.toWire(p.currency(), p.amount())))
			.toList();
		return new ProductPricing(price.pricingType().wire(), price.eventName(),
				(signalType && price.signalType() != null) ? price.signalType().wire() : null,
				(price.billingFrequency() != null) ? price.billingFrequency().wire() : null,
				price.billingFrequencyCustomMonths(),
				(price.billingType() != null) ? price.billingType().wire() : null, price.feeType(), points);
	}

	boolean isEmpty() {
		return this.differences.isEmpty();
	}

	List<String> differences() {
		return List.copyOf(this.differences);
	}

	UpdateProductRequest toRequest() {
		return new UpdateProductRequest(this.name, this.description, this.active, this.productCode, null, null,
				this.attributes.isEmpty() ? null : List.copyOf(this.attributes));
	}

	private static @Nullable ProductAttribute match(String name, List<ProductAttribute> attributes) {
		ProductAttribute first = null;
		for (ProductAttribute attribute : attributes) {
			if (name.equals(attribute.name())) {
				if (!Boolean.FALSE.equals(attribute.active())) {
					return attribute;
				}
				first = (first != null) ? first : attribute;
			}
		}
		return first;
	}

	private void compare(PaidPriceDefinition price, @Nullable ProductAttribute paid, UnitPriceConversion conversion,
			boolean signalType) {
		ProductPricing wanted = pricing(price, conversion, signalType);
		String where = "price '" + price.name() + "'";
		if (paid == null) {
			this.differences.add(where + ": not in Paid");
			this.attributes.add(new ProductAttributeUpsert(null, price.name(), price.active(), wanted));
			return;
		}
		int before = this.differences.size();
		if (price.active() == Boolean.FALSE.equals(paid.active())) {
			differ(where + " active", !Boolean.FALSE.equals(paid.active()), price.active());
		}
		ProductAttribute.Pricing actual = paid.pricing();
		if (actual == null) {
			this.differences.add(where + ": no pricing in Paid");
		}
		else {
			compareEnum(where + " pricingType", actual.pricingType(), wanted.pricingType());
			if (!Objects.equals(actual.eventName(), wanted.eventName()) && wanted.eventName() != null) {
				differ(where + " eventName", actual.eventName(), wanted.eventName());
			}
			compareEnum(where + " signalType", actual.signalType(), wanted.signalType());
			compareEnum(where + " billingFrequency", actual.billingFrequency(), wanted.billingFrequency());
			if (wanted.billingFrequencyCustomMonths() != null
					&& !wanted.billingFrequencyCustomMonths().equals(actual.billingFrequencyCustomMonths())) {
				differ(where + " billingFrequencyCustomMonths", actual.billingFrequencyCustomMonths(),
						wanted.billingFrequencyCustomMonths());
			}
			compareEnum(where + " billingType", actual.billingType(), wanted.billingType());
			compareEnum(where + " feeType", actual.feeType(), wanted.feeType());
			comparePrices(where, (actual.pricePoints() != null) ? actual.pricePoints() : List.of(), price,
					conversion);
		}
		if (this.differences.size() > before) {
			this.attributes.add(new ProductAttributeUpsert(paid.productAttributeId(), price.name(), price.active(),
					wanted));
		}
	}

	private void comparePrices(String where, List<ProductPricePoint> paid, PaidPriceDefinition price,
			UnitPriceConversion conversion) {
		Map<String, BigDecimal> paidPrices = new LinkedHashMap<>();
		for (ProductPricePoint point : paid) {
			paidPrices.put(point.currency().toUpperCase(Locale.ROOT),
					conversion.fromWire(point.currency(), point.unitPrice()));
		}
		for (PaidPriceDefinition.Price declared : price.prices()) {
			BigDecimal actual = paidPrices.remove(declared.currency());
			if (actual == null) {
				this.differences.add(where + ": no " + declared.currency() + " price in Paid, "
						+ declared.amount().toPlainString() + " declared");
			}
			else if (actual.compareTo(declared.amount()) != 0) {
				this.differences.add(where + ": " + declared.currency() + " price " + actual.toPlainString()
						+ " in Paid, " + declared.amount().toPlainString() + " declared");
			}
		}
		paidPrices.forEach((currency, amount) -> this.differences
			.add(where + ": " + currency + " price " + amount.toPlainString() + " in Paid is not declared"));
	}

	private void compareEnum(String what, @Nullable String paid, @Nullable String wanted) {
		if (wanted != null && (paid == null || !canonical(paid).equals(canonical(wanted)))) {
			differ(what, paid, wanted);
		}
	}

	private static String canonical(String value) {
		return value.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
	}

	private void differ(String what, @Nullable Object paid, @Nullable Object declared) {
		this.differences.add(what + ": " + describe(paid) + " in Paid, " + describe(declared) + " declared");
	}

	private static String describe(@Nullable Object value) {
		return (value == null) ? "none" : "'" + value + "'";
	}

}
