package ai.paid.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to Paid's API ({@code paid.*}).
 *
 * @param enabled Whether the Paid starter is active. When false, none of its beans are created.
 * @param apiKey API key sent as bearer token. When unset, the PAID_API_KEY environment variable is used.
 * @param baseUrl Base URL of Paid's v2 API.
 * @param connectTimeout Time allowed to open a connection to Paid.
 * @param responseTimeout Time allowed for Paid's response once a request is sent.
 * @param retry Transport-level retries of idempotent calls.
 * @param ssl TLS of the connection to Paid.
 * @param proxy HTTP proxy between the application and Paid.
 */
@ConfigurationProperties("paid")
public record PaidProperties(@DefaultValue("true") boolean enabled, @Nullable String apiKey,
		@DefaultValue("https://api.agentpaid.io/api/v2") String baseUrl,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration responseTimeout,
		@DefaultValue Retry retry, @DefaultValue Ssl ssl, @DefaultValue Proxy proxy) {

	/**
	 * Checks every value's range when the properties are bound.
	 * @throws InvalidPaidConfigurationException naming the property, the value and the allowed range
	 */
	public PaidProperties {
		PropertyConstraints.positive("paid.connect-timeout", connectTimeout);
		PropertyConstraints.positive("paid.response-timeout", responseTimeout);
	}

	@Override
	public String toString() {
		return "PaidProperties[enabled=" + this.enabled + ", apiKey=" + mask(this.apiKey) + ", baseUrl=" + this.baseUrl
				+ ", connectTimeout=" + this.connectTimeout + ", responseTimeout=" + this.responseTimeout + ", retry="
				+ this.retry + ", ssl=" + this.ssl + ", proxy=" + this.proxy + "]";
	}

	static String mask(@Nullable String apiKey) {
		return (apiKey == null || apiKey.isBlank()) ? "<none>" : "******";
	}

	/**
	 * Transport-level retries of GET, PUT, DELETE and signal calls on 408, 429, 5xx, timeouts and connection errors.
	 * Creating POSTs are never retried.
	 *
	 * @param enabled Whether the client retries idempotent calls at all.
	 * @param maxAttempts Attempts in total, including the first.
	 * @param initialBackoff Delay before the first retry, doubled for every further retry (with jitter).
	 * @param maxBackoff Upper bound of the delay between two attempts.
	 * @param maxRetryAfter Upper bound of a delay Paid asks for with a Retry-After header.
	 */
	public record Retry(@DefaultValue("true") boolean enabled, @DefaultValue("3") int maxAttempts,
			@DefaultValue("500ms") Duration initialBackoff, @DefaultValue("10s") Duration maxBackoff,
			@DefaultValue("60s") Duration maxRetryAfter) {

		/**
		 * Checks every value's range when the properties are bound.
		 * @throws InvalidPaidConfigurationException naming the property, the value and the allowed range
		 */
		public Retry {
			PropertyConstraints.atLeast("paid.retry.max-attempts", maxAttempts, 1);
			PropertyConstraints.notNegative("paid.retry.initial-backoff", initialBackoff);
			PropertyConstraints.notNegative("paid.retry.max-backoff", maxBackoff);
			PropertyConstraints.notNegative("paid.retry.max-retry-after", maxRetryAfter);
		}

	}

	/**
	 * TLS of the connection to Paid.
	 *
	 * @param bundle Name of the SSL bundle (spring.ssl.bundle.*) whose trust material, and key material for mutual
	 * TLS, the connection to Paid uses. When unset, the JVM's default trust store is used.
	 */
	public record Ssl(@Nullable String bundle) {

	}

	/**
	 * HTTP proxy that every request to Paid goes through (HTTPS is tunnelled with CONNECT), on whichever HTTP client
	 * the application uses.
	 *
	 * @param host Host name or address of the proxy. When unset, no proxy is configured by the starter (Reactor Netty
	 * and the JDK client still honour the JVM's http(s).proxyHost system properties).
	 * @param port Port of the proxy, required with a host.
	 */
	public record Proxy(@Nullable String host, @Nullable Integer port) {

		/**
		 * Checks the port's range when the properties are bound.
		 * @throws InvalidPaidConfigurationException naming the property, the value and the allowed range
		 */
		public Proxy {
			if (port != null) {
				PropertyConstraints.between("paid.proxy.port", port, 1, 65535);
			}
		}

	}

}
