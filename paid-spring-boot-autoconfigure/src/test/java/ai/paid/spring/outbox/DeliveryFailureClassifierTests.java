package ai.paid.spring.outbox;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import ai.paid.spring.client.PaidApiException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeliveryFailureClassifier}.
 */
class DeliveryFailureClassifierTests {

	private final DeliveryFailureClassifier classifier = new DeliveryFailureClassifier();

	@Test
	void serverErrorsTimeoutsAndMissingResponsesAreRetryable() {
		for (int status : new int[] { 0, 408, 500, 502, 503, 504 }) {
			assertThat(this.classifier.classify(paid(status, null)).kind()).as("status " + status)
				.isEqualTo(DeliveryFailure.Kind.RETRYABLE);
		}
		assertThat(this.classifier.classify(new RuntimeException(new IOException("reset"))).kind())
			.isEqualTo(DeliveryFailure.Kind.RETRYABLE);
		assertThat(this.classifier.classify(new TimeoutException()).kind()).isEqualTo(DeliveryFailure.Kind.RETRYABLE);
	}

	@Test
	void rateLimitCarriesRetryAfter() {
		DeliveryFailure failure = this.classifier.classify(paid(429, Duration.ofSeconds(7)));
		assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.RATE_LIMITED);
		assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void rejectedCredentialsPauseEverything() {
		assertThat(this.classifier.classify(paid(401, null)).kind()).isEqualTo(DeliveryFailure.Kind.CREDENTIALS);
		assertThat(this.classifier.classify(paid(403, null)).kind()).isEqualTo(DeliveryFailure.Kind.CREDENTIALS);
	}

	@Test
	void otherClientErrorsAndBugsArePermanentWithPaidsMessage() {
		DeliveryFailure failure = this.classifier.classify(paid(400, null));
		assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.PERMANENT);
		assertThat(failure.httpStatus()).isEqualTo(400);
		assertThat(failure.message()).contains("externalId is invalid");
		assertThat(this.classifier.classify(new NullPointerException("bug")).kind())
			.isEqualTo(DeliveryFailure.Kind.PERMANENT);
	}

	private static PaidApiException paid(int status, @Nullable Duration retryAfter) {
		return new PaidApiException("HTTP " + status, status, "externalId is invalid", null, null, status >= 500,
				retryAfter, null);
	}

}
