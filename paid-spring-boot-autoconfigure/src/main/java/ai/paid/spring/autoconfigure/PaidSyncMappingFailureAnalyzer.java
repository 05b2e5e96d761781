package ai.paid.spring.autoconfigure;

import ai.paid.spring.sync.PaidSyncMappingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link PaidSyncMappingException} at startup: every entity member that is mapped wrongly, and how to fix
 * the mapping.
 */
class PaidSyncMappingFailureAnalyzer extends AbstractFailureAnalyzer<PaidSyncMappingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PaidSyncMappingException cause) {
		String description = "The Paid mapping of your entities is invalid:" + System.lineSeparator() + "  - "
				+ String.join(System.lineSeparator() + "  - ", cause.getProblems());
		String action = "Fix the @PaidSync annotations named above (see @PaidField for the Paid fields and the Java "
				+ "types each accepts), or map the entity in code with a PaidMapper bean; set paid.sync.enabled=false "
				+ "to turn entity sync off.";
		return new FailureAnalysis(description, action, cause);
	}

}
