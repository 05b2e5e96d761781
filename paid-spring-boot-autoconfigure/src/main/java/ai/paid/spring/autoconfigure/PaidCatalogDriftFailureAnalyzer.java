package ai.paid.spring.autoconfigure;

import java.util.stream.Collectors;

import ai.paid.spring.catalog.CatalogDriftException;
import ai.paid.spring.catalog.CatalogProductState;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start stopped by {@code paid.catalog.fail-on-drift}: which declared products differ from Paid and how,
 * and the three ways out.
 */
class PaidCatalogDriftFailureAnalyzer extends AbstractFailureAnalyzer<CatalogDriftException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CatalogDriftException cause) {
		String products = cause.report()
			.drifted()
			.stream()
			.map((product) -> "  - " + product.externalId() + ": "
					+ ((product.status() == CatalogProductState.Status.MISSING) ? "missing in Paid"
							: String.join("\n      ", product.differences())))
			.collect(Collectors.joining("\n"));
		return new FailureAnalysis("Paid's products differ from the ones declared (paid.catalog.fail-on-drift=true):\n"
				+ products,
				"Set paid.catalog.mode=apply to make Paid match the declaration, change the declaration to match Paid, "
						+ "or set paid.catalog.fail-on-drift=false to start anyway and see the drift in the paidCatalog "
						+ "health and the paidcatalog endpoint.",
				cause);
	}

}
