package ai.paid.spring.autoconfigure;

import java.util.Locale;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.PaidRetryPolicy;
import ai.paid.spring.client.PaidWebClientCustomizer;
import ai.paid.spring.client.WebClientPaidClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration of the {@link PaidClient}: built on a clone of Boot's {@link WebClient.Builder} (so Boot's HTTP
 * client observations apply) and Boot's {@link JsonMapper}, pointed at Paid by the {@link PaidConnectionDetails}.
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnClass(WebClient.class)
@ConditionalOnBooleanProperty(name = "paid.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PaidProperties.class)
public final class PaidClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PaidConnectionDetails.class)
	PropertiesPaidConnectionDetails paidConnectionDetails(PaidProperties properties, Environment environment) {
		return new PropertiesPaidConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean(PaidClient.class)
	PaidClient paidClient(PaidConnectionDetails connectionDetails, PaidProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<PaidWebClientCustomizer> customizers) {
		String apiKey = connectionDetails.getApiKey();
		if (apiKey == null || apiKey.isBlank()) {
			throw InvalidPaidConfigurationException.missingApiKey();
		}
		String baseUrl = checkBaseUrl(connectionDetails.getBaseUrl());
		WebClientPaidClient.Builder builder = WebClientPaidClient.builder(webClientBuilder.getIfAvailable(WebClient::builder))
			.baseUrl(baseUrl)
			.apiKey(apiKey)
			.connectTimeout(properties.connectTimeout())
			.responseTimeout(properties.responseTimeout())
			.retryPolicy(retryPolicy(properties.retry()));
		jsonMapper.ifAvailable(builder::jsonMapper);
		customizers.orderedStream().forEach(builder::customizer);
		return builder.build();
	}

	/**
	 * Masks the key in actuator's {@code configprops} and {@code env} output even when values are shown.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "paidApiKeySanitizingFunction")
		SanitizingFunction paidApiKeySanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(ActuatorSanitizingConfiguration::isApiKey);
		}

		static boolean isApiKey(String key) {
			String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
			return normalized.equals("paidapikey") || normalized.equals("apikey");
		}

	}

	private static String checkBaseUrl(String baseUrl) {
		try {
			return WebClientPaidClient.Builder.checkBaseUrl(baseUrl);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPaidConfigurationException("paid.base-url", ex.getMessage(),
					"Set paid.base-url to an absolute http(s) URL such as " + WebClientPaidClient.DEFAULT_BASE_URL
							+ ", or remove it to use Paid's v2 API.");
		}
	}

	private static PaidRetryPolicy retryPolicy(PaidProperties.Retry retry) {
		if (!retry.enabled()) {
			return PaidRetryPolicy.none();
		}
		try {
			return new PaidRetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(),
					retry.maxRetryAfter());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPaidConfigurationException("paid.retry", "Invalid paid.retry settings: " + ex.getMessage(),
					"Set paid.retry.max-attempts to 1 or more and the paid.retry durations to zero or more.");
		}
	}

}
