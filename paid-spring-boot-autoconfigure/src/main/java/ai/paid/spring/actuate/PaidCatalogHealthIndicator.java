package ai.paid.spring.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.paid.spring.catalog.CatalogProductState;
import ai.paid.spring.catalog.CatalogReport;
import ai.paid.spring.catalog.PaidCatalogReconciler;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the declared products ({@code paidCatalog}): always UP (a product that differs from its declaration must
 * not take the application out of service), with the mode, each product's state at the last reconcile, and
 * {@code drift} listing the products that differ from their declaration (with {@code degraded=true}).
 */
public final class PaidCatalogHealthIndicator extends AbstractHealthIndicator {

	private final PaidCatalogReconciler reconciler;

	/**
	 * @param reconciler the catalog reconciler
	 */
	public PaidCatalogHealthIndicator(PaidCatalogReconciler reconciler) {
		super("Paid catalog health check failed");
		this.reconciler = reconciler;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("mode", this.reconciler.mode().name().toLowerCase());
		CatalogReport report = this.reconciler.lastReport();
		if (report == null) {
			builder.withDetail("reconciled", false).withDetail("declaredProducts", this.reconciler.products().size());
			return;
		}
		Map<String, String> products = new LinkedHashMap<>();
		report.products().forEach((product) -> products.put(product.externalId(), product.status().name()));
		List<String> drift = report.drifted().stream().map(CatalogProductState::externalId).toList();
		boolean failed = report.count(CatalogProductState.Status.FAILED) > 0;
		builder.withDetail("reconciled", true)
			.withDetail("lastReconciledAt", report.completedAt().toString())
			.withDetail("products", products)
			.withDetail("drift", drift)
			.withDetail("degraded", !drift.isEmpty() || failed);
	}

}
