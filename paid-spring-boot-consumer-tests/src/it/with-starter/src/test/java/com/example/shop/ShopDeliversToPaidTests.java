package com.example.shop;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app starts with the starter and no Netty, and an account saved through its REST endpoint reaches Paid (the mock
 * Paid server, run in a class loader of its own because it is built on Reactor Netty).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopDeliversToPaidTests {

	private static final String KEY = "sk_consumer_app_test";

	private static final MockPaid paid = MockPaid.start(KEY);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void paid(DynamicPropertyRegistry registry) {
		registry.add("paid.base-url", paid::baseUrl);
		registry.add("paid.api-key", () -> KEY);
	}

	@AfterAll
	static void stopPaid() throws Exception {
		paid.stop();
	}

	@Test
	void noNettyJettyOrHttpComponentsSoThePaidClientRunsOnTheJdkHttpClient() {
		ClassLoader app = getClass().getClassLoader();
		assertThat(ClassUtils.isPresent("io.netty.channel.Channel", app)).isFalse();
		assertThat(ClassUtils.isPresent("reactor.netty.http.client.HttpClient", app)).isFalse();
		assertThat(ClassUtils.isPresent("org.eclipse.jetty.client.HttpClient", app)).isFalse();
		assertThat(ClassUtils.isPresent("org.apache.hc.client5.http.impl.async.HttpAsyncClients", app)).isFalse();
	}

	@Test
	void anAccountSavedByTheAppReachesPaid() throws Exception {
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/accounts?id=acme-1"))
				.POST(HttpRequest.BodyPublishers.ofString("Acme Ltd"))
				.header("Content-Type", "text/plain")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(paid.customerByExternalId("acme-1"))
				.hasValueSatisfying((customer) -> assertThat(customer).containsEntry("name", "Acme Ltd")));
	}

	/** The project's mock Paid server, loaded from the classpath the main build passes in. */
	record MockPaid(Object server, URLClassLoader loader) {

		static MockPaid start(String apiKey) {
			String classpath = System.getProperty("paid.mock.classpath");
			assertThat(classpath).as("system property paid.mock.classpath").isNotBlank();
			URL[] urls = Arrays.stream(classpath.split(File.pathSeparator)).map(MockPaid::url).toArray(URL[]::new);
			URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
			// the server's threads inherit the context class loader: its libraries find their services in its own
			ClassLoader previous = Thread.currentThread().getContextClassLoader();
			Thread.currentThread().setContextClassLoader(loader);
			try {
				Object server = loader.loadClass("ai.paid.spring.test.MockPaidServer")
					.getConstructor(String.class)
					.newInstance(apiKey);
				server.getClass().getMethod("start").invoke(server);
				return new MockPaid(server, loader);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				Thread.currentThread().setContextClassLoader(previous);
			}
		}

		String baseUrl() {
			return (String) call("baseUrl");
		}

		@SuppressWarnings("unchecked")
		Optional<Map<String, Object>> customerByExternalId(String externalId) throws ReflectiveOperationException {
			return (Optional<Map<String, Object>>) this.server.getClass()
				.getMethod("customerByExternalId", String.class)
				.invoke(this.server, externalId);
		}

		void stop() throws Exception {
			call("stop");
			this.loader.close();
		}

		private Object call(String method) {
			try {
				return this.server.getClass().getMethod(method).invoke(this.server);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static URL url(String path) {
			try {
				return Path.of(path).toUri().toURL();
			}
			catch (java.net.MalformedURLException ex) {
				throw new IllegalArgumentException(path, ex);
			}
		}

	}

}
