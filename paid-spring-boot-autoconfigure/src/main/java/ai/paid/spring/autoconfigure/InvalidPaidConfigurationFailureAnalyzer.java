package ai.paid.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidPaidConfigurationException} at startup: what is wrong and which property to set.
 */
class InvalidPaidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPaidConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPaidConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
