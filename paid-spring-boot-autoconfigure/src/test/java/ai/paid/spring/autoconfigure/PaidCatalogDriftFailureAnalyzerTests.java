package ai.paid.spring.autoconfigure;

import java.time.Instant;
import java.util.List;

import ai.paid.spring.catalog.CatalogDriftException;
import ai.paid.spring.catalog.CatalogProductState;
import ai.paid.spring.catalog.CatalogReport;
import ai.paid.spring.catalog.PaidCatalogMode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start stopped by {@code paid.catalog.fail-on-drift} is explained product by product, with the ways out.
 */
class PaidCatalogDriftFailureAnalyzerTests {

	@Test
	void namesEachDriftedProductWithItsDifferencesAndTheWaysOut() {
		CatalogReport report = new CatalogReport(PaidCatalogMode.VERIFY, Instant.now(),
				List.of(new CatalogProductState("ai-sdr-001", CatalogProductState.Status.DRIFT, "prod_1",
						List.of("price 'Usage pricing': USD price 0.1 in Paid, 0.20 declared"), null),
						new CatalogProductState("ai-sdr-lite", CatalogProductState.Status.MISSING, null,
								List.of("not in Paid"), null),
						new CatalogProductState("ok", CatalogProductState.Status.IN_SYNC, "prod_2", List.of(), null)));
		FailureAnalysis analysis = new PaidCatalogDriftFailureAnalyzer()
			.analyze(new BeanCreationException("startup", new CatalogDriftException(report)));
		assertThat(analysis.getDescription())
			.contains("ai-sdr-001: price 'Usage pricing': USD price 0.1 in Paid, 0.20 declared")
			.contains("ai-sdr-lite: missing in Paid")
			.doesNotContain("ok:");
		assertThat(analysis.getAction()).contains("paid.catalog.mode=apply").contains("paid.catalog.fail-on-drift=false");
	}

}
