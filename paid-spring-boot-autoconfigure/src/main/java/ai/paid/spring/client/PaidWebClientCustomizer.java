package ai.paid.spring.client;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} the Paid client is built from (filters, default headers, codecs,
 * observation). Applied in order after the client's own settings, to a clone of Boot's builder, so other
 * {@code WebClient}s of the application are not affected. The HTTP connector is not customizable this way: the
 * client installs its own afterwards, because it carries the timeouts and the credentials. To reach the connector
 * (Reactor Netty's {@code HttpClient}, the JDK's {@code HttpClient.Builder}, Jetty's or HttpComponents' client), declare
 * a {@link PaidClientHttpConnectorBuilderCustomizer} bean instead.
 */
@FunctionalInterface
public interface PaidWebClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the Paid client's {@code WebClient}
	 */
	void customize(WebClient.Builder builder);

}
