package ai.paid.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.PaidClientHttpConnectorBuilderCustomizer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which HTTP connector the auto-configured {@link PaidClient} is built on, and its SSL bundle and proxy settings.
 */
class PaidClientHttpConnectorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, JacksonAutoConfiguration.class,
				WebClientAutoConfiguration.class, PaidClientAutoConfiguration.class))
		.withUserConfiguration(RecordingCustomizers.class)
		.withPropertyValues("paid.api-key=sk_test_connectors");

	@Test
	void reactorNettyWhenPresent() {
		this.runner.run((context) -> assertThat(context.getBean(RecordingCustomizers.class).builders)
			.containsExactly("reactor"));
	}

	@Test
	void theConnectorBootIsToldToUse() {
		this.runner.withPropertyValues("spring.http.clients.reactive.connector=jdk")
			.run((context) -> assertThat(context.getBean(RecordingCustomizers.class).builders).containsExactly("jdk"));
	}

	@Test
	void theJdkClientWithoutNettyJettyOrHttpComponents() {
		this.runner.withClassLoader(new FilteredClassLoader("reactor.netty", "io.netty", "org.eclipse.jetty", "org.apache.hc"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(PaidClient.class);
				assertThat(context.getBean(RecordingCustomizers.class).builders).containsExactly("jdk");
			});
	}

	@Test
	void theJdkClientWithoutBootsHttpClientAutoConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PaidClientAutoConfiguration.class))
			.withUserConfiguration(RecordingCustomizers.class)
			.withPropertyValues("paid.api-key=sk_test_connectors")
			.withClassLoader(new FilteredClassLoader("reactor.netty", "io.netty", "org.eclipse.jetty", "org.apache.hc"))
			.run((context) -> assertThat(context.getBean(RecordingCustomizers.class).builders).containsExactly("jdk"));
	}

	@Test
	void aConfiguredSslBundleIsAccepted() {
		this.runner
			.withPropertyValues("paid.ssl.bundle=paid",
					"spring.ssl.bundle.pem.paid.truststore.certificate=classpath:ai/paid/spring/client/tls/paid-test.crt")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PaidClient.class));
	}

	@Test
	void anUnknownSslBundleIsNamed() {
		this.runner.withPropertyValues("paid.ssl.bundle=missing").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidPaidConfigurationException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("paid.ssl.bundle");
					assertThat(ex).hasMessageContaining("'missing'");
					assertThat(ex.getAction()).contains("spring.ssl.bundle.pem.missing");
				});
		});
	}

	@Test
	void aProxyHostWithoutPortIsNamed() {
		this.runner.withPropertyValues("paid.proxy.host=proxy.internal").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidPaidConfigurationException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("paid.proxy.port");
					assertThat(ex).hasMessageContaining("proxy.internal").hasMessageContaining("missing");
				});
		});
	}

	@Test
	void aProxyIsAccepted() {
		this.runner.withPropertyValues("paid.proxy.host=proxy.internal", "paid.proxy.port=3128")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PaidClient.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingCustomizers {

		final List<String> builders = new CopyOnWriteArrayList<>();

		@Bean
		PaidClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> reactorCustomizer() {
			return (builder) -> record("reactor", builder);
		}

		@Bean
		PaidClientHttpConnectorBuilderCustomizer<JdkClientHttpConnectorBuilder> jdkCustomizer() {
			return (builder) -> record("jdk", builder);
		}

		private <B extends ClientHttpConnectorBuilder<?>> B record(String name, B builder) {
			this.builders.add(name);
			return builder;
		}

	}

}
