package ai.paid.spring.autoconfigure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.PaidClientHttpConnectorBuilderCustomizer;
import ai.paid.spring.client.PaidRetryPolicy;
import ai.paid.spring.client.PaidWebClientCustomizer;
import ai.paid.spring.client.WebClientPaidClient;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration of the {@link PaidClient}: built on a clone of Boot's {@link WebClient.Builder} (so Boot's HTTP
 * client observations apply) and Boot's {@link JsonMapper}, pointed at Paid by the {@link PaidConnectionDetails}. Its
 * HTTP connector comes from Boot's {@link ClientHttpConnectorBuilder} (the one the application's other reactive clients
 * use, else the one Boot detects on the classpath), with Boot's {@link HttpClientSettings} under Paid's own.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
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
			ObjectProvider<PaidWebClientCustomizer> customizers, ResourceLoader resourceLoader,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<PaidClientHttpConnectorBuilderCustomizer<?>> connectorCustomizers) {
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
			.retryPolicy(retryPolicy(properties.retry()))
			.connectorBuilder(connectorBuilder
				.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())))
			.sslBundle(sslBundle(properties.ssl(), sslBundles));
		httpClientSettings.ifAvailable(builder::httpClientSettings);
		proxy(properties.proxy(), builder);
		jsonMapper.ifAvailable(builder::jsonMapper);
		customizers.orderedStream().forEach(builder::customizer);
		connectorCustomizers.orderedStream().forEach(builder::connectorCustomizer);
		return builder.build();
	}

	/**
	 * Masks the key in actuator's {@code configprops} and {@code env} output even when values are shown: the key's
	 * own property, and the key inside a command line such as {@code sun.java.command} or {@code JAVA_TOOL_OPTIONS}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		/**
		 * {@code --paid.api-key=…}, {@code -Dpaid.api-key=…}, {@code --paid.api-key …} and relaxed spellings
		 * ({@code paid.apiKey}, {@code PAID_API_KEY}), as a word of a command line; group 2 is the key.
		 */
		private static final Pattern KEY_IN_COMMAND_LINE = Pattern
			.compile("((?:^|\\s)(?:--|-D)?paid[._-]?api[._-]?key(?:=|\\s+))(\\S+)", Pattern.CASE_INSENSITIVE);

		@Bean
		@ConditionalOnMissingBean(name = "paidApiKeySanitizingFunction")
		SanitizingFunction paidApiKeySanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(ActuatorSanitizingConfiguration::isApiKey);
		}

		@Bean
		@ConditionalOnMissingBean(name = "paidApiKeyInCommandLineSanitizingFunction")
		SanitizingFunction paidApiKeyInCommandLineSanitizingFunction() {
			return (data) -> (data.getValue() instanceof String value) ? data.withValue(maskKeyInCommandLine(value))
					: data;
		}

		static boolean isApiKey(String key) {
			String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
			return normalized.equals("paidapikey") || normalized.equals("apikey");
		}

		static String maskKeyInCommandLine(String value) {
			Matcher matcher = KEY_IN_COMMAND_LINE.matcher(value);
			return matcher.find() ? matcher.replaceAll("$1" + Matcher.quoteReplacement(SanitizableData.SANITIZED_VALUE))
					: value;
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

	private static @Nullable SslBundle sslBundle(PaidProperties.Ssl ssl, ObjectProvider<SslBundles> sslBundles) {
		String name = ssl.bundle();
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return sslBundles.getObject().getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidPaidConfigurationException("paid.ssl.bundle",
					"paid.ssl.bundle names SSL bundle '" + name + "', which is not configured.",
					"Configure the bundle under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name
							+ ", or fix or remove paid.ssl.bundle.");
		}
	}

	private static void proxy(PaidProperties.Proxy proxy, WebClientPaidClient.Builder builder) {
		String host = proxy.host();
		if (host == null || host.isBlank()) {
			return;
		}
		Integer port = proxy.port();
		if (port == null || port < 1 || port > 65535) {
			throw new InvalidPaidConfigurationException("paid.proxy.port",
					"paid.proxy.host is set to '" + host + "' but paid.proxy.port is "
							+ ((port != null) ? port + ", which is not a port" : "missing") + ".",
					"Set paid.proxy.port to the proxy's port (1 to 65535), or remove paid.proxy.host.");
		}
		builder.proxy(host.trim(), port);
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
