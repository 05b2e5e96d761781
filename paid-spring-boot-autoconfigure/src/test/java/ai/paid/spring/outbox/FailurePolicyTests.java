package ai.paid.spring.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FailurePolicy} and {@link DispatchGate}.
 */
class FailurePolicyTests {

	private final CircuitBreaker breaker = new CircuitBreaker(10, 3, 0.5, Duration.ofMinutes(1), Clock.systemUTC());

	private final DispatchGate gate = new DispatchGate(this.breaker, Duration.ofMinutes(1), Clock.systemUTC());

	private final FailurePolicy policy = new FailurePolicy(this.gate,
			new BackoffPolicy(Duration.ofSeconds(1), Duration.ofMinutes(10)), 3, Duration.ofHours(24));

	@Test
	void retryableFailureCountsAndBacksOffWithinTheCeiling() {
		FailurePolicy.Decision decision = this.policy.decide(row(0, Instant.now()), failure(DeliveryFailure.Kind.RETRYABLE));
		assertThat(decision.park()).isFalse();
		assertThat(decision.countFailure()).isTrue();
		assertThat(decision.reachedPaid()).isTrue();
		assertThat(decision.delay()).isBetween(Duration.ZERO, Duration.ofSeconds(1));
	}

	@Test
	void lastAllowedAttemptParksTheLane() {
		FailurePolicy.Decision decision = this.policy.decide(row(2, Instant.now()), failure(DeliveryFailure.Kind.RETRYABLE));
		assertThat(decision.park()).isTrue();
		assertThat(decision.outcome()).isEqualTo("max_attempts");
		assertThat(decision.parkReason()).startsWith("Gave up after 3 failed attempts: ");
	}

	@Test
	void tooOldARowParksTheLane() {
		FailurePolicy.Decision decision = this.policy.decide(row(0, Instant.now().minus(Duration.ofDays(2))),
				failure(DeliveryFailure.Kind.RETRYABLE));
		assertThat(decision.outcome()).isEqualTo("max_age");
	}

	@Test
	void failuresWhileTheBreakerIsOpenDoNotCount() {
		for (int i = 0; i < 3; i++) {
			this.policy.decide(row(0, Instant.now()), failure(DeliveryFailure.Kind.RETRYABLE));
		}
		assertThat(this.gate.status(true).circuit()).isEqualTo("OPEN");
		FailurePolicy.Decision decision = this.policy.decide(row(2, Instant.now()), failure(DeliveryFailure.Kind.RETRYABLE));
		assertThat(decision.park()).isFalse();
		assertThat(decision.countFailure()).isFalse();
		assertThat(decision.outcome()).isEqualTo("breaker_open");
		assertThat(this.gate.admit(true).allowed()).isFalse();
	}

	@Test
	void rejectedCredentialsPauseOnceAndConsumeNothing() {
		FailurePolicy.Decision first = this.policy.decide(row(0, Instant.now()), failure(DeliveryFailure.Kind.CREDENTIALS));
		FailurePolicy.Decision second = this.policy.decide(row(0, Instant.now()), failure(DeliveryFailure.Kind.CREDENTIALS));
		assertThat(first.credentialsNews()).isTrue();
		assertThat(second.credentialsNews()).isFalse();
		assertThat(first.countFailure()).isFalse();
		assertThat(first.reachedPaid()).isFalse();
		assertThat(this.gate.admit(true).allowed()).isFalse();
		assertThat(this.gate.credentialsAccepted()).isTrue();
		assertThat(this.gate.admit(true)).isEqualTo(DispatchGate.Admission.FREE);
	}

	@Test
	void rateLimitWaitsForRetryAfterEverywhere() {
		FailurePolicy.Decision decision = this.policy.decide(row(0, Instant.now()), new DeliveryFailure(
				DeliveryFailure.Kind.RATE_LIMITED, 429, "slow down", Duration.ofSeconds(30)));
		assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(30));
		assertThat(decision.countFailure()).isFalse();
		DispatchGate.Admission admission = this.gate.admit(true);
		assertThat(admission.allowed()).isFalse();
		assertThat(admission.retryIn()).isGreaterThan(Duration.ofSeconds(25));
	}

	@Test
	void rejectedRowParksWithPaidsMessage() {
		FailurePolicy.Decision decision = this.policy.decide(row(0, Instant.now()), new DeliveryFailure(
				DeliveryFailure.Kind.PERMANENT, 400, "PaidApiException: currency is invalid", null));
		assertThat(decision.park()).isTrue();
		assertThat(decision.outcome()).isEqualTo("rejected");
		assertThat(decision.parkReason()).contains("currency is invalid");
	}

	@Test
	void databaseFailuresRetrySoonNeverParkAndNeverReachTheBreaker() {
		for (int i = 0; i < 20; i++) {
			FailurePolicy.Decision decision = this.policy.decide(row(2, Instant.now().minus(Duration.ofDays(2))),
					failure(DeliveryFailure.Kind.DATABASE));
			assertThat(decision.park()).isFalse();
			assertThat(decision.countFailure()).isFalse();
			assertThat(decision.outcome()).isEqualTo("database");
			assertThat(decision.delay()).isLessThanOrEqualTo(Duration.ofSeconds(30));
		}
		assertThat(this.gate.status(true).circuit()).isEqualTo("CLOSED");
	}

	@Test
	void waitingConsumesNoAttemptAndNeverReachesTheBreakerButStillAges() {
		for (int i = 0; i < 20; i++) {
			FailurePolicy.Decision decision = this.policy.decide(row(2, Instant.now()),
					DeliveryOutcome.waitFor(Duration.ofSeconds(3), "customer not there yet"));
			assertThat(decision.park()).isFalse();
			assertThat(decision.countFailure()).isFalse();
			assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(3));
			assertThat(decision.outcome()).isEqualTo("waiting");
		}
		assertThat(this.gate.status(true).circuit()).isEqualTo("CLOSED");
		FailurePolicy.Decision old = this.policy.decide(row(0, Instant.now().minus(Duration.ofDays(2))),
				DeliveryOutcome.waitFor(Duration.ofSeconds(3), "customer not there yet"));
		assertThat(old.park()).isTrue();
		assertThat(old.outcome()).isEqualTo("max_age");
		assertThat(old.parkReason()).endsWith("customer not there yet");
	}

	@Test
	void retryLaterCountsAnAttemptButNotAgainstTheBreaker() {
		FailurePolicy.Decision first = this.policy.decide(row(0, Instant.now()),
				DeliveryOutcome.retryLater(Duration.ofSeconds(2), "busy"));
		assertThat(first.park()).isFalse();
		assertThat(first.countFailure()).isTrue();
		assertThat(first.delay()).isEqualTo(Duration.ofSeconds(2));
		FailurePolicy.Decision last = this.policy.decide(row(2, Instant.now()),
				DeliveryOutcome.retryLater(Duration.ofSeconds(2), "busy"));
		assertThat(last.park()).isTrue();
		assertThat(last.parkReason()).isEqualTo("Gave up after 3 failed attempts: busy");
		assertThat(this.gate.status(true).circuit()).isEqualTo("CLOSED");
	}

	@Test
	void aHandlerParkParksWithItsReason() {
		FailurePolicy.Decision decision = this.policy.decide(row(0, Instant.now()),
				DeliveryOutcome.park("Paid has no customer 'x'"));
		assertThat(decision.park()).isTrue();
		assertThat(decision.parkReason()).isEqualTo("Paid has no customer 'x'");
	}

	private static PendingRow row(int failures, Instant enqueuedAt) {
		OutboxRecord record = new OutboxRecord(1, "cust:a", "CUSTOMER", "a", OutboxOperation.UPSERT, "{}", failures,
				enqueuedAt);
		return new PendingRow(record, 0, failures, enqueuedAt, failures > 0);
	}

	private static DeliveryFailure failure(DeliveryFailure.Kind kind) {
		return new DeliveryFailure(kind, 503, "PaidApiException: unavailable", null);
	}

}
