package ai.paid.spring.client;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paid's error answers and transport failures become meaningful {@link PaidApiException}s.
 */
class PaidErrorParserTests {

	private final PaidErrorParser parser = new PaidErrorParser(WebClientPaidClient.wireMapper(null),
			Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

	@Test
	void v2ErrorBodyIsParsed() {
		PaidApiException ex = this.parser.fromResponse("POST /customers/", 400, null,
				"{\"error\":\"name is required\",\"code\":\"VALIDATION\",\"details\":\"name\"}");
		assertThat(ex.getStatus()).isEqualTo(400);
		assertThat(ex.getError()).isEqualTo("name is required");
		assertThat(ex.getCode()).isEqualTo("VALIDATION");
		assertThat(ex.getDetails()).isEqualTo("name");
		assertThat(ex.isRetryable()).isFalse();
		assertThat(ex.getMessage())
			.isEqualTo("Paid answered 400 to POST /customers/: name is required [code VALIDATION] (name)");
	}

	@Test
	void v1ErrorBodyIsParsed() {
		PaidApiException ex = this.parser.fromResponse("GET /customers/x", 404, null,
				"{\"error\":{\"message\":\"Not found\",\"code\":\"NOT_FOUND\",\"details\":\"x\"}}");
		assertThat(ex.getError()).isEqualTo("Not found");
		assertThat(ex.getCode()).isEqualTo("NOT_FOUND");
		assertThat(ex.getDetails()).isEqualTo("x");
		assertThat(ex.isNotFound()).isTrue();
	}

	@Test
	void nonJsonBodyGivesStatusAndTruncatedSnippet() {
		String html = "<html><body>" + "Bad gateway ".repeat(100) + "</body></html>";
		PaidApiException ex = this.parser.fromResponse("GET /orders/o1", 502, null, html);
		assertThat(ex.getStatus()).isEqualTo(502);
		assertThat(ex.getError()).isNull();
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.getMessage()).startsWith("Paid answered 502 to GET /orders/o1 with a non-JSON body: <html><body>Bad")
			.contains("chars)")
			.hasSizeLessThan(300);
	}

	@Test
	void emptyBodyIsReported() {
		assertThat(this.parser.fromResponse("DELETE /orders/o1", 500, null, "").getMessage())
			.isEqualTo("Paid answered 500 to DELETE /orders/o1 with an empty body");
	}

	@Test
	void retryableStatuses() {
		assertThat(PaidErrorParser.isRetryable(408)).isTrue();
		assertThat(PaidErrorParser.isRetryable(429)).isTrue();
		assertThat(PaidErrorParser.isRetryable(500)).isTrue();
		assertThat(PaidErrorParser.isRetryable(503)).isTrue();
		assertThat(PaidErrorParser.isRetryable(0)).isTrue();
		assertThat(PaidErrorParser.isRetryable(400)).isFalse();
		assertThat(PaidErrorParser.isRetryable(403)).isFalse();
		assertThat(PaidErrorParser.isRetryable(404)).isFalse();
		assertThat(PaidErrorParser.isRetryable(409)).isFalse();
	}

	@Test
	void retryAfterInSeconds() {
		PaidApiException ex = this.parser.fromResponse("GET /x", 429, "7", "{\"error\":\"slow down\"}");
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(ex.isRateLimited()).isTrue();
	}

	@Test
	void retryAfterAsHttpDate() {
		assertThat(this.parser.parseRetryAfter("Thu, 01 Jan 2026 00:00:09 GMT")).isEqualTo(Duration.ofSeconds(9));
		assertThat(this.parser.parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT")).isEqualTo(Duration.ZERO);
		assertThat(this.parser.parseRetryAfter("soon")).isNull();
		assertThat(this.parser.parseRetryAfter(null)).isNull();
	}

	@Test
	void transportErrorsHaveStatusZeroAndAreRetryable() {
		PaidApiException timeout = this.parser.fromTransportError("GET /x", new RuntimeException(ReadTimeoutException.INSTANCE));
		assertThat(timeout.getStatus()).isZero();
		assertThat(timeout.isRetryable()).isTrue();
		assertThat(timeout.getMessage()).startsWith("Timed out waiting for Paid on GET /x");
		PaidApiException refused = this.parser.fromTransportError("GET /x", new ConnectException("Connection refused"));
		assertThat(refused.getStatus()).isZero();
		assertThat(refused.isRetryable()).isTrue();
		assertThat(refused.getMessage()).isEqualTo("No response from Paid to GET /x: ConnectException: Connection refused");
	}

}
