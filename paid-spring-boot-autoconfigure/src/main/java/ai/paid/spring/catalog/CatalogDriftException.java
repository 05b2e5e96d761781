package ai.paid.spring.catalog;

import java.util.stream.Collectors;

/**
 * Startup stops because Paid's products differ from the declared ones and {@code paid.catalog.fail-on-drift=true}.
 */
public class CatalogDriftException extends RuntimeException {

	private final transient CatalogReport report;

	/**
	 * @param report the reconcile that found the drift
	 */
	public CatalogDriftException(CatalogReport report) {
		super("Paid's products differ from the declared ones (paid.catalog.fail-on-drift=true): "
				+ report.drifted()
					.stream()
					.map((product) -> "'" + product.externalId() + "' " + ((product.status() == CatalogProductState.Status.MISSING)
							? "is missing in Paid" : String.join("; ", product.differences())))
					.collect(Collectors.joining(" | "))
				+ ". Set paid.catalog.mode=apply to make Paid match, change the declaration to match Paid, or set "
				+ "paid.catalog.fail-on-drift=false to start anyway.");
		this.report = report;
	}

	/**
	 * The reconcile that found the drift.
	 * @return the report
	 */
	public CatalogReport report() {
		return this.report;
	}

}
