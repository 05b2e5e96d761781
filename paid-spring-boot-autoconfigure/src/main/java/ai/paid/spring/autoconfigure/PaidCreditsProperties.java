package ai.paid.spring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credit balances read through {@code PaidCredits} ({@code paid.credits.*}).
 *
 * @param cacheTtl How long a customer's credit balances are reused before Paid is asked again; zero asks every time.
 * A customer's entry is also dropped when Paid acknowledges signals of that customer.
 */
@ConfigurationProperties("paid.credits")
public record PaidCreditsProperties(@DefaultValue("10s") Duration cacheTtl) {

	/**
	 * Fails when the value is unusable, naming the property.
	 * @return these settings
	 * @throws InvalidPaidConfigurationException when the time to live is negative
	 */
	PaidCreditsProperties validated() {
		if (this.cacheTtl.isNegative()) {
			throw new InvalidPaidConfigurationException("paid.credits.cache-ttl",
					"paid.credits.cache-ttl is " + this.cacheTtl + ", but it must not be negative.",
					"Set paid.credits.cache-ttl to 0s or more, or remove it to use the default.");
		}
		return this;
	}

}
