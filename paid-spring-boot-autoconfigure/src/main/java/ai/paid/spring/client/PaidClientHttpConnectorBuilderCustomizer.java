package ai.paid.spring.client;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;

/**
 * Customizes the {@link ClientHttpConnectorBuilder} the Paid client's HTTP connector is built from, when its type
 * matches {@code B}: for example a {@code ReactorClientHttpConnectorBuilder} to turn on Reactor Netty's wiretap, or a
 * {@code JdkClientHttpConnectorBuilder} to set an executor. Applied after the client's proxy and before its timeouts
 * and SSL bundle, and to the Paid client only, never to the application's other HTTP clients. The client still puts
 * the credentials on the built connector itself.
 *
 * @param <B> the builder type this customizer applies to
 */
@FunctionalInterface
public interface PaidClientHttpConnectorBuilderCustomizer<B extends ClientHttpConnectorBuilder<?>> {

	/**
	 * Customizes the builder.
	 * @param builder the builder to customize
	 * @return the customized builder (builders are immutable: return the result of its {@code with…} methods)
	 */
	B customize(B builder);

}
