package ai.paid.spring.actuate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.paid.spring.catalog.CatalogProductState;
import ai.paid.spring.catalog.CatalogReport;
import ai.paid.spring.catalog.PaidCatalogMode;
import ai.paid.spring.catalog.PaidCatalogReconciler;
import ai.paid.spring.catalog.PaidPriceDefinition;
import ai.paid.spring.catalog.PaidProductDefinition;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code paidcatalog} actuator endpoint: the declared products with their prices and how each compares with Paid
 * at the last reconcile ({@code GET /actuator/paidcatalog}), and a reconcile on demand
 * ({@code POST /actuator/paidcatalog} with {@code {}} or {@code {"mode":"verify"|"apply"}}; {@code apply} only when
 * {@code paid.catalog.mode=apply}). Its default access is read-only: the reconcile needs
 * {@code management.endpoint.paidcatalog.access=unrestricted}.
 */
@Endpoint(id = "paidcatalog", defaultAccess = Access.READ_ONLY)
public class PaidCatalogEndpoint {

	private final PaidCatalogReconciler reconciler;

	/**
	 * @param reconciler the catalog reconciler
	 */
	public PaidCatalogEndpoint(PaidCatalogReconciler reconciler) {
		this.reconciler = reconciler;
	}

	/**
	 * The declared products and their state at the last reconcile.
	 * @return the catalog
	 */
	@ReadOperation
	public CatalogDescriptor catalog() {
		return describe(this.reconciler.lastReport());
	}

	/**
	 * Reconciles now.
	 * @param mode {@code verify} or {@code apply}; the configured mode ({@code verify} when off) when absent
	 * @return the catalog after the reconcile
	 */
	@WriteOperation
	public CatalogDescriptor reconcile(@Nullable String mode) {
		try {
			CatalogReport report = (mode != null) ? this.reconciler.reconcile(mode(mode))
					: this.reconciler.reconcile();
			return describe(report);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage());
		}
	}

	private static PaidCatalogMode mode(String mode) {
		return switch (mode.toLowerCase(Locale.ROOT)) {
			case "verify" -> PaidCatalogMode.VERIFY;
			case "apply" -> PaidCatalogMode.APPLY;
			default -> throw new IllegalArgumentException("mode must be verify or apply, was '" + mode + "'");
		};
	}

	private CatalogDescriptor describe(@Nullable CatalogReport report) {
		Map<String, CatalogProductState> states = new LinkedHashMap<>();
		if (report != null) {
			report.products().forEach((state) -> states.put(state.externalId(), state));
		}
		List<ProductDescriptor> products = new ArrayList<>();
		for (PaidProductDefinition product : this.reconciler.products()) {
			CatalogProductState state = states.get(product.externalId());
			products.add(new ProductDescriptor(product.externalId(), product.name(),
					(state != null) ? state.status().name() : "NOT_RECONCILED", (state != null) ? state.paidId() : null,
					(state != null) ? state.differences() : List.of(), (state != null) ? state.error() : null,
					product.prices().stream().map(PriceDescriptor::of).toList()));
		}
		return new CatalogDescriptor(this.reconciler.mode().name(),
				this.reconciler.conversion().unit().name(), (report != null) ? report.mode().name() : null,
				(report != null) ? report.completedAt() : null, products);
	}

	/**
	 * The catalog as the endpoint shows it.
	 *
	 * @param mode the configured mode
	 * @param unitPriceUnit the unit of Paid's unitPrice
	 * @param lastReconcileMode the mode of the last reconcile, {@code null} before the first
	 * @param lastReconciledAt when the last reconcile finished
	 * @param products the declared products
	 */
	public record CatalogDescriptor(String mode, String unitPriceUnit, @Nullable String lastReconcileMode,
			@Nullable Instant lastReconciledAt, List<ProductDescriptor> products) {

	}

	/**
	 * One declared product and its state.
	 *
	 * @param externalId the external id
	 * @param name the declared name
	 * @param status the state at the last reconcile ({@code NOT_RECONCILED} before it)
	 * @param paidId Paid's id
	 * @param differences what differed (verify) or was changed (apply)
	 * @param error why it failed
	 * @param prices the declared prices
	 */
	public record ProductDescriptor(String externalId, String name, String status, @Nullable String paidId,
			List<String> differences, @Nullable String error, List<PriceDescriptor> prices) {

	}

	/**
	 * One declared price.
	 *
	 * @param name the attribute's name
	 * @param type the pricing type on the wire
	 * @param eventName the usage event name
	 * @param signalType activity or outcome
	 * @param billingFrequency the billing frequency on the wire
	 * @param prices amount in major units by currency
	 */
	public record PriceDescriptor(String name, String type, @Nullable String eventName, @Nullable String signalType,
			@Nullable String billingFrequency, Map<String, String> prices) {

		static PriceDescriptor of(PaidPriceDefinition price) {
			Map<String, String> amounts = new LinkedHashMap<>();
			price.prices().forEach((p) -> amounts.put(p.currency(), p.amount().toPlainString()));
			return new PriceDescriptor(price.name(), price.pricingType().wire(), price.eventName(),
					(price.signalType() != null) ? price.signalType().wire() : null,
					(price.billingFrequency() != null) ? price.billingFrequency().wire() : null, amounts);
		}

	}

}
