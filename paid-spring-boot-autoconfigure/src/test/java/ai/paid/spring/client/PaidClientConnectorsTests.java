package ai.paid.spring.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ai.paid.spring.test.MockPaidServer;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Paid client on each HTTP connector Boot can pick (Reactor Netty, Jetty, Apache HttpComponents, the JDK's
 * {@code HttpClient}): the key reaches Paid and no log line even at TRACE (a connector whose own header logging is on
 * gets no key), timeouts hold, the proxy and the SSL bundle are used.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaidClientConnectorsTests {

	private static final String KEY = "sk_live_connector_secret_7731";

	private static final String CERTIFICATE = "classpath:ai/paid/spring/client/tls/paid-test.crt";

	private static final String PRIVATE_KEY = "classpath:ai/paid/spring/client/tls/paid-test.key";

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	private final List<AutoCloseable> closeables = new ArrayList<>();

	/** The loggers that write request headers at DEBUG, which the client refuses to hand the key to. */
	private static final List<String> HEADER_LOGGERS = List.of("org.eclipse.jetty.client.transport.HttpSender",
			"org.eclipse.jetty.http.HttpGenerator", "org.apache.hc.client5.http.headers",
			"org.apache.hc.client5.http.wire");

	static Stream<Named<ClientHttpConnectorBuilder<?>>> connectors() {
		return Stream.of(Named.of("Reactor Netty", ClientHttpConnectorBuilder.reactor()),
				Named.of("Jetty", ClientHttpConnectorBuilder.jetty()),
				Named.of("HttpComponents", ClientHttpConnectorBuilder.httpComponents()),
				Named.of("JDK HttpClient", ClientHttpConnectorBuilder.jdk()));
	}

	@AfterEach
	void close() throws Exception {
		quietLogging(HEADER_LOGGERS);
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connectors")
	void keyReachesPaidButNoLogLineWithEveryOtherLoggerAtTrace(ClientHttpConnectorBuilder<?> connectors,
			CapturedOutput output) {
		MockPaidServer paid = track(new MockPaidServer(KEY).start());
		paid.seedProduct("Agent", "agent-1");
		PaidClient client = loggingClient(connectors, paid);
		traceLogging(HEADER_LOGGERS);
		Customer customer = client.createCustomer(new CreateCustomerRequest("Acme", null, null, null, null, "acme-1",
				null, null, null, null, null)).block(Duration.ofSeconds(10));
		Product product = client.getProductByExternalId("agent-1").block(Duration.ofSeconds(10));
		quietLogging(HEADER_LOGGERS);
		assertThat(customer.externalId()).isEqualTo("acme-1");
		assertThat(product.name()).isEqualTo("Agent");
		assertThat(paid.requests()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.headers().get("authorization")).containsExactly("Bearer " + KEY));
		// Spring's request logging ran with its request details, and the connector's other loggers at TRACE
		assertThat(output).contains("HTTP POST " + paid.baseUrl() + "/customers/").contains("User-Agent");
		assertThat(output).doesNotContain(KEY);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connectors")
	void keyIsNotSentWhenTheConnectorWouldLogHeaders(ClientHttpConnectorBuilder<?> connectors,
			CapturedOutput output) {
		MockPaidServer paid = track(new MockPaidServer(KEY).start());
		paid.seedProduct("Agent", "agent-1");
		PaidClient client = loggingClient(connectors, paid);
		traceLogging(List.of());
		boolean logsHeaders = connectors instanceof JettyClientHttpConnectorBuilder
				|| connectors instanceof HttpComponentsClientHttpConnectorBuilder;
		try {
			if (logsHeaders) {
				assertThatExceptionOfType(PaidApiException.class)
					.isThrownBy(() -> client.getProductByExternalId("agent-1").block(Duration.ofSeconds(10)))
					.withMessageContaining("would write the Paid API key to the log")
					.withMessageContaining(" at DEBUG");
				assertThat(paid.requests()).isEmpty();
			}
			else {
				assertThat(client.getProductByExternalId("agent-1").block(Duration.ofSeconds(10)).name())
					.isEqualTo("Agent");
			}
		}
		finally {
			quietLogging(List.of());
		}
		assertThat(output).doesNotContain(KEY);
		if (logsHeaders) {
			// said once, at WARN, even with the client's own logger at TRACE
			assertThat(output.toString().lines().filter((line) -> line.contains("WARN") && line.contains("Not calling Paid")))
				.hasSize(1);
		}
	}

	@Test
	void keyIsNotSentWhileTheJdkClientLogsHeaders() {
		MockPaidServer paid = track(new MockPaidServer(KEY).start());
		PaidClient client = client(ClientHttpConnectorBuilder.jdk(), paid.baseUrl()).build();
		System.setProperty("jdk.httpclient.HttpClient.log", "headers");
		try {
			assertThatExceptionOfType(PaidApiException.class)
				.isThrownBy(() -> client.getProduct("prod_1").block(Duration.ofSeconds(10)))
				.withMessageContaining("jdk.httpclient.HttpClient.log=headers");
		}
		finally {
			System.clearProperty("jdk.httpclient.HttpClient.log");
		}
		assertThat(paid.requests()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connectors")
	void responseTimeoutHolds(ClientHttpConnectorBuilder<?> connectors) throws IOException {
		FakeHttpEndpoint stalled = track(FakeHttpEndpoint.silent());
		PaidClient client = client(connectors, "http://127.0.0.1:" + stalled.port() + "/api/v2")
			.connectTimeout(Duration.ofSeconds(5))
			.responseTimeout(Duration.ofMillis(400))
			.build();
		long start = System.nanoTime();
		assertThatExceptionOfType(PaidApiException.class)
			.isThrownBy(() -> client.getProduct("prod_1").block(Duration.ofSeconds(20)))
			.withMessageStartingWith("Timed out waiting for Paid on GET /products/prod_1");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connectors")
	void connectTimeoutHolds(ClientHttpConnectorBuilder<?> connectors) throws IOException {
		int port = portThatNeverAccepts();
		PaidClient client = client(connectors, "http://127.0.0.1:" + port + "/api/v2")
			.connectTimeout(Duration.ofMillis(300))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		long start = System.nanoTime();
		assertThatExceptionOfType(PaidApiException.class)
			.isThrownBy(() -> client.getProduct("prod_1").block(Duration.ofSeconds(25)))
			.withMessageStartingWith("Timed out waiting for Paid on GET /products/prod_1");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connectors")
	void requestsGoThroughTheProxy(ClientHttpConnectorBuilder<?> connectors) throws IOException {
		FakeHttpEndpoint proxy = track(FakeHttpEndpoint.proxy());
		// a host no resolver knows: only the proxy can answer
		PaidClient client = client(connectors, "http://paid.invalid/api/v2").proxy("127.0.0.1", proxy.port()).build();
		assertThat(client.getProduct("prod_1").block(Duration.ofSeconds(10)).name()).isEqualTo("Agent");
		// plain forwarding (GET http://paid.invalid/...) or a CONNECT tunnel (Reactor Netty), then the request itself
		assertThat(proxy.requestHeads).anySatisfy((head) -> {
			assertThat(head.get(0)).matches("GET (http://paid\\.invalid(:80)?)?/api/v2/products/prod_1 HTTP/1\\.1");
			assertThat(head).anySatisfy((line) -> assertThat(line.toLowerCase(Locale.ROOT))
				.isEqualTo("authorization: bearer " + KEY.toLowerCase(Locale.ROOT)));
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connectors")
	void sslBundleTrustsPaidsCertificate(ClientHttpConnectorBuilder<?> connectors) throws IOException {
		String baseUrl = httpsProduct();
		SslBundle trust = SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate(CERTIFICATE)));
		PaidClient trusting = client(connectors, baseUrl).sslBundle(trust).build();
		assertThat(trusting.getProduct("prod_1").block(Duration.ofSeconds(10)).name()).isEqualTo("Agent");
		PaidClient untrusting = client(connectors, baseUrl).build();
		assertThatExceptionOfType(PaidApiException.class)
			.isThrownBy(() -> untrusting.getProduct("prod_1").block(Duration.ofSeconds(10)))
			.satisfies((ex) -> assertThat(ex.getStatus()).isZero());
	}

	@Test
	void connectorCustomizerReachesTheBuilderOfItsType() {
		AtomicInteger jdkCustomizations = new AtomicInteger();
		PaidClientHttpConnectorBuilderCustomizer<JdkClientHttpConnectorBuilder> customizer = (builder) -> {
			jdkCustomizations.incrementAndGet();
			return builder;
		};
		client(ClientHttpConnectorBuilder.reactor(), "http://127.0.0.1:1/api/v2").connectorCustomizer(customizer).build();
		assertThat(jdkCustomizations).hasValue(0);
		client(ClientHttpConnectorBuilder.jdk(), "http://127.0.0.1:1/api/v2").connectorCustomizer(customizer).build();
		assertThat(jdkCustomizations).hasValue(1);
	}

	private static PaidClient loggingClient(ClientHttpConnectorBuilder<?> connectors, MockPaidServer paid) {
		return client(connectors, paid.baseUrl())
			.customizer((builder) -> builder.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true)))
			.build();
	}

	private void traceLogging(List<String> exceptAtInfo) {
		this.loggingSystem.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.TRACE);
		exceptAtInfo.forEach((name) -> this.loggingSystem.setLogLevel(name, LogLevel.INFO));
	}

	private void quietLogging(List<String> exceptions) {
		this.loggingSystem.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
		exceptions.forEach((name) -> this.loggingSystem.setLogLevel(name, null));
	}

	private static WebClientPaidClient.Builder client(ClientHttpConnectorBuilder<?> connectors, String baseUrl) {
		return WebClientPaidClient.builder()
			.baseUrl(baseUrl)
			.apiKey(KEY)
			.retryPolicy(PaidRetryPolicy.none())
			.connectorBuilder(connectors);
	}

	/**
	 * A port whose accept queue is full: the kernel drops further connection attempts, so connecting hangs until the
	 * client's connect timeout.
	 */
	private int portThatNeverAccepts() throws IOException {
		ServerSocket serverSocket = track(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
		for (int i = 0; i < 10; i++) {
			Socket filler = new Socket();
			try {
				filler.connect(serverSocket.getLocalSocketAddress(), 200);
				track(filler);
			}
			catch (IOException ex) {
				filler.close();
				return serverSocket.getLocalPort();
			}
		}
		throw new IllegalStateException("Could not fill the accept queue of a listening socket");
	}

	private String httpsProduct() throws IOException {
		PemSslStoreDetails keyStore = PemSslStoreDetails.forCertificate(CERTIFICATE).withPrivateKey(PRIVATE_KEY);
		SslBundle serverBundle = SslBundle.of(new PemSslStoreBundle(keyStore, null));
		HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(serverBundle.createSslContext()));
		server.createContext("/", (exchange) -> {
			byte[] body = FakeHttpEndpoint.PRODUCT.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		this.closeables.add(() -> server.stop(0));
		return "https://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

}
