package ai.paid.spring.autoconfigure;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.credits.CreditsDepletedEviction;
import ai.paid.spring.credits.CreditsSignalObserver;
import ai.paid.spring.credits.PaidCredits;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link PaidCredits}, a customer's credit balances behind a short cache, and of the signal
 * observer that drops a customer's cached balances when Paid acknowledges that customer's signals.
 */
@AutoConfiguration(after = PaidClientAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "paid.enabled", matchIfMissing = true)
@ConditionalOnBean(PaidClient.class)
@EnableConfigurationProperties(PaidCreditsProperties.class)
public final class PaidCreditsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PaidCredits paidCredits(PaidClient client, PaidCreditsProperties properties) {
		return new PaidCredits(client, properties.validated().cacheTtl());
	}

	@Bean
	@ConditionalOnMissingBean
	CreditsSignalObserver paidCreditsSignalObserver(PaidCredits credits) {
		return new CreditsSignalObserver(credits);
	}

	@Bean
	@ConditionalOnMissingBean
	CreditsDepletedEviction paidCreditsDepletedEviction(PaidCredits credits) {
		return new CreditsDepletedEviction(credits);
	}

}
