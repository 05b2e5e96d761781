package ai.paid.spring.client;

import java.net.InetSocketAddress;
import java.net.ProxySelector;

import org.apache.hc.core5.http.HttpHost;
import org.eclipse.jetty.client.HttpProxy;
import reactor.netty.transport.ProxyProvider;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

/**
 * An HTTP proxy for the Paid client, set in each connector's own terms. Each connector's classes are touched only in
 * its own nested class, so a connector that is not on the classpath is never loaded.
 *
 * @param host the proxy's host name or address
 * @param port the proxy's port
 */
record ConnectorProxy(String host, int port) {

	ClientHttpConnectorBuilder<?> applyTo(ClientHttpConnectorBuilder<?> builder) {
		if (builder instanceof JdkClientHttpConnectorBuilder jdk) {
			return jdk.withProxySelector(ProxySelector.of(InetSocketAddress.createUnresolved(this.host, this.port)));
		}
		if (builder instanceof ReactorClientHttpConnectorBuilder) {
			return Reactor.apply(builder, this);
		}
		if (builder instanceof JettyClientHttpConnectorBuilder) {
			return Jetty.apply(builder, this);
		}
		if (builder instanceof HttpComponentsClientHttpConnectorBuilder) {
			return HttpComponents.apply(builder, this);
		}
		throw new IllegalStateException("Cannot set a proxy on " + builder.getClass().getName()
				+ "; set it with a PaidClientHttpConnectorBuilderCustomizer instead of paid.proxy");
	}

	private static final class Reactor {

		static ClientHttpConnectorBuilder<?> apply(ClientHttpConnectorBuilder<?> builder, ConnectorProxy proxy) {
			return ((ReactorClientHttpConnectorBuilder) builder).withHttpClientCustomizer((httpClient) -> httpClient
				.proxy((spec) -> spec.type(ProxyProvider.Proxy.HTTP).host(proxy.host()).port(proxy.port())));
		}

	}

	private static final class Jetty {

		static ClientHttpConnectorBuilder<?> apply(ClientHttpConnectorBuilder<?> builder, ConnectorProxy proxy) {
			return ((JettyClientHttpConnectorBuilder) builder).withHttpClientCustomizer((httpClient) -> httpClient
				.getProxyConfiguration()
				.addProxy(new HttpProxy(proxy.host(), proxy.port())));
		}

	}

	private static final class HttpComponents {

		static ClientHttpConnectorBuilder<?> apply(ClientHttpConnectorBuilder<?> builder, ConnectorProxy proxy) {
			return ((HttpComponentsClientHttpConnectorBuilder) builder)
				.withHttpClientCustomizer((httpClient) -> httpClient.setProxy(new HttpHost(proxy.host(), proxy.port())));
		}

	}

}
