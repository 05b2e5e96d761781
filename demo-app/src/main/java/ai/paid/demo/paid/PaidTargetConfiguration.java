package ai.paid.demo.paid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Describes which Paid the demo talks to, for the page.
 */
@Configuration(proxyBeanMethods = false)
class PaidTargetConfiguration {

	@Bean
	PaidTarget paidTarget(Environment environment, ObjectProvider<EmbeddedPaid> embedded) {
		EmbeddedPaid mock = embedded.getIfAvailable();
		if (mock != null) {
			return new PaidTarget(true, mock.baseUrl());
		}
		return new PaidTarget(false, environment.getProperty("paid.base-url", "https://api.agentpaid.io/api/v2"));
	}

}
