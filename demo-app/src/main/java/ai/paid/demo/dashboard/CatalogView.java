package ai.paid.demo.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import ai.paid.spring.catalog.CatalogProductState;
import ai.paid.spring.catalog.CatalogReport;
import ai.paid.spring.catalog.PaidCatalogReconciler;
import ai.paid.spring.catalog.PaidPriceDefinition;
import ai.paid.spring.catalog.PaidProductDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The declared products (application.yml, {@code paid.catalog}) with their prices and how each compared with Paid at
 * startup.
 */
@Component
class CatalogView {

	private final ObjectProvider<PaidCatalogReconciler> reconciler;

	CatalogView(ObjectProvider<PaidCatalogReconciler> reconciler) {
		this.reconciler = reconciler;
	}

	List<ProductRow> products() {
		PaidCatalogReconciler catalog = this.reconciler.getIfAvailable();
		if (catalog == null) {
			return List.of();
		}
		CatalogReport report = catalog.lastReport();
		return catalog.products().stream().map((product) -> ProductRow.of(product, state(report, product))).toList();
	}

	private static @Nullable CatalogProductState state(@Nullable CatalogReport report, PaidProductDefinition product) {
		if (report == null) {
			return null;
		}
		return report.products()
			.stream()
			.filter((state) -> state.externalId().equals(product.externalId()))
			.findFirst()
			.orElse(null);
	}

	record ProductRow(String externalId, String name, String status, @Nullable String paidId, List<String> differences,
			List<PriceRow> prices) {

		static ProductRow of(PaidProductDefinition product, @Nullable CatalogProductState state) {
			return new ProductRow(product.externalId(), product.name(),
					(state != null) ? state.status().name().toLowerCase().replace('_', ' ') : "not reconciled",
					(state != null) ? state.paidId() : null, (state != null) ? state.differences() : List.of(),
					product.prices().stream().map(PriceRow::of).toList());
		}

	}

	record PriceRow(String name, String price, String kind) {

		private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£");

		static PriceRow of(PaidPriceDefinition price) {
			String amounts = String.join(" / ", price.prices().stream().map(PriceRow::amount).toList());
			String per = switch (price.pricingType()) {
				case RECURRING_PER_UNIT, SEAT_BASED_PER_UNIT -> " per " + period(price);
				case USAGE_PER_UNIT -> " per " + price.eventName();
				case ONE_TIME_PER_UNIT -> " once";
			};
			String kind = (price.signalType() != null) ? price.signalType().wire()
					: price.pricingType().wire().replace("PerUnit", "").toLowerCase();
			return new PriceRow(price.name(), amounts + per, kind);
		}

		private static String amount(PaidPriceDefinition.Price price) {
			String symbol = SYMBOLS.get(price.currency());
			BigDecimal amount = price.amount();
			String text = (amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0)
					? amount.setScale(Math.max(2, amount.stripTrailingZeros().scale())).toPlainString()
					: amount.stripTrailingZeros().toPlainString();
			return (symbol != null) ? symbol + text : text + " " + price.currency();
		}

		private static String period(PaidPriceDefinition price) {
			PaidPriceDefinition.BillingFrequency frequency = price.billingFrequency();
			if (frequency == null) {
				return "period";
			}
			return switch (frequency) {
				case MONTHLY -> "month";
				case QUARTERLY -> "quarter";
				case SEMI_ANNUALLY -> "half year";
				case ANNUAL -> "year";
				case CUSTOM -> price.billingFrequencyCustomMonths() + " months";
			};
		}

	}

}
