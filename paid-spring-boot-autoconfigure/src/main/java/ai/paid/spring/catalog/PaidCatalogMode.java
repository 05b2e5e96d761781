package ai.paid.spring.catalog;

/**
 * What the catalog reconciler does with the declared products ({@code paid.catalog.mode}).
 */
public enum PaidCatalogMode {

	/** Nothing: products are neither read nor written. */
	OFF,

	/** Compare with Paid and report the differences (log, endpoint, health); never write. The default. */
	VERIFY,

	/** Compare with Paid, then create missing products and update the ones that differ. */
	APPLY

}
