package ai.paid.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains an {@link InvalidPaidConfigurationException} at startup: what is wrong and which property to set. Ordered
 * first, so that a value rejected while {@code paid.*} properties are bound is explained by the property's name,
 * value and allowed range rather than by Boot's generic binding report.
 */
class InvalidPaidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPaidConfigurationException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPaidConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
