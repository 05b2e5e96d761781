package ai.paid.spring.catalog;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one reconcile of the declared products with Paid.
 *
 * @param mode what the reconcile was allowed to do ({@link PaidCatalogMode#VERIFY} or {@link PaidCatalogMode#APPLY})
 * @param completedAt when it finished
 * @param products one state per declared product, in declaration order
 */
public record CatalogReport(PaidCatalogMode mode, Instant completedAt, List<CatalogProductState> products) {

	/**
	 * Normalizes the products.
	 */
	public CatalogReport {
		products = List.copyOf(products);
	}

	/**
	 * Whether any product differs from its declaration and was left so.
	 * @return whether there is drift
	 */
	public boolean hasDrift() {
		return this.products.stream().anyMatch(CatalogProductState::isDrift);
	}

	/**
	 * The products that differ from their declaration.
	 * @return the drifted products
	 */
	public List<CatalogProductState> drifted() {
		return this.products.stream().filter(CatalogProductState::isDrift).toList();
	}

	/**
	 * How many products ended in the given status.
	 * @param status the status
	 * @return the count
	 */
	public long count(CatalogProductState.Status status) {
		return this.products.stream().filter((product) -> product.status() == status).count();
	}

}
