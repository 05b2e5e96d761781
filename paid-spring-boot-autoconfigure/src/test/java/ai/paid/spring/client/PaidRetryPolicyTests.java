package ai.paid.spring.client;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Backoff delays of {@link PaidRetryPolicy}.
 */
class PaidRetryPolicyTests {

	private final PaidRetryPolicy policy = new PaidRetryPolicy(5, Duration.ofMillis(400), Duration.ofSeconds(2),
			Duration.ofSeconds(30));

	@RepeatedTest(20)
	void backoffDoublesWithJitterBetweenHalfAndFull() {
		assertThat(this.policy.delayBefore(0, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
		assertThat(this.policy.delayBefore(1, null)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
		assertThat(this.policy.delayBefore(2, null)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1600));
	}

	@RepeatedTest(20)
	void backoffIsCappedByMaxBackoff() {
		assertThat(this.policy.delayBefore(3, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(this.policy.delayBefore(80, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
	}

	@Test
	void retryAfterWinsAndIsCapped() {
		assertThat(this.policy.delayBefore(0, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
		assertThat(this.policy.delayBefore(0, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void noneMakesASingleAttempt() {
		assertThat(PaidRetryPolicy.none().retries()).isFalse();
		assertThat(PaidRetryPolicy.defaults().retries()).isTrue();
	}

	@Test
	void maxAttemptsMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PaidRetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
	}

}
