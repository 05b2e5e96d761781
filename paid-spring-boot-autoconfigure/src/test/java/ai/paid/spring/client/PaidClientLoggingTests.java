package ai.paid.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The API key never shows up in logs, even with Reactor Netty, Netty, WebClient and the client itself at TRACE and
 * WebClient's request-details logging switched on.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaidClientLoggingTests {

	private static final String KEY = "sk_live_never_log_me_4242";

	private static final List<String> LOGGERS = List.of("reactor.netty", "io.netty",
			"org.springframework.web.reactive.function.client", "org.springframework.http", "ai.paid.spring");

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	private final StubHttpServer stub = new StubHttpServer();

	@BeforeEach
	void verboseLogging() {
		LOGGERS.forEach((name) -> this.loggingSystem.setLogLevel(name, LogLevel.TRACE));
	}

	@AfterEach
	void restore() {
		LOGGERS.forEach((name) -> this.loggingSystem.setLogLevel(name, null));
		this.stub.close();
	}

	@Test
	void keyIsNeverLogged(CapturedOutput output) {
		BlockingPaidClient client = WebClientPaidClient.builder()
			.baseUrl(this.stub.baseUrl())
			.apiKey(KEY)
			.retryPolicy(new PaidRetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)))
			.customizer((builder) -> builder.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true)))
			.build()
			.blocking();
		this.stub.enqueue(503, Map.of(), "{\"error\":\"busy\"}")
			.enqueue(200, Map.of("Content-Type", "application/json"), "{\"id\":\"prod_1\",\"name\":\"Agent\"}")
			.enqueue(403, Map.of("Content-Type", "application/json"), "{\"error\":\"Forbidden\"}");
		client.getProduct("prod_1");
		assertThatExceptionOfType(PaidApiException.class).isThrownBy(() -> client.getProduct("prod_2"));
		// the logs are there and detailed (request headers included), just without the key
		assertThat(output).contains("Retrying GET /products/prod_1").contains("User-Agent");
		assertThat(output).doesNotContain(KEY);
	}

}
