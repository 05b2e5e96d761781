package ai.paid.spring.outbox;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Decides what a failed delivery does to its lane: retry later (counting the failure against the retry budget or
 * not) or park it, and records systemic failures (rejected credentials, rate limits, outages) on the
 * {@link DispatchGate}.
 */
final class FailurePolicy {

	/**
	 * What to do with the lane.
	 *
	 * @param outcome meter outcome: {@code retry}, {@code rate_limited}, {@code credentials}, {@code breaker_open},
	 * or for parking {@code rejected}, {@code max_attempts}, {@code max_age}
	 * @param park whether to park the lane
	 * @param countFailure whether the failure counts against the retry budget
	 * @param reachedPaid whether the attempt may have reached Paid
	 * @param delay backoff before the next attempt, {@code null} when parking
	 * @param parkReason why the lane is parked, {@code null} when retrying
	 * @param credentialsNews whether this failure is the first to find the API key rejected
	 */
	record Decision(String outcome, boolean park, boolean countFailure, boolean reachedPaid, @Nullable Duration delay,
			@Nullable String parkReason, boolean credentialsNews) {

		static Decision retry(String outcome, boolean count, boolean reachedPaid, Duration delay) {
			return new Decision(outcome, false, count, reachedPaid, delay, null, false);
		}

		static Decision park(String outcome, String reason) {
			return new Decision(outcome, true, true, true, null, reason, false);
		}

	}

	private final DispatchGate gate;

	private final BackoffPolicy backoff;

	private final int maxAttempts;

	private final Duration maxAge;

	FailurePolicy(DispatchGate gate, BackoffPolicy backoff, int maxAttempts, Duration maxAge) {
		this.gate = gate;
		this.backoff = backoff;
		this.maxAttempts = maxAttempts;
		this.maxAge = maxAge;
	}

	Decision decide(PendingRow row, DeliveryFailure failure) {
		switch (failure.kind()) {
			case PERMANENT:
				return Decision.park("rejected", failure.message());
			case CREDENTIALS:
				// Paid refused the request before doing anything: no attempt consumed
				boolean news = this.gate.credentialsRejected();
				return new Decision("credentials", false, false, false, Duration.ZERO, null, news);
			case RATE_LIMITED:
				Duration wait = (failure.retryAfter() != null) ? failure.retryAfter() : Duration.ofSeconds(1);
				this.gate.rateLimited(wait);
				return Decision.retry("rate_limited", false, false, wait);
			default:
				if (this.gate.failedRetryably()) {
					// the breaker is open: an outage must not burn the row's budget
					return Decision.retry("breaker_open", false, true, this.backoff.delay(Math.max(1, row.failures())));
				}
				int failures = row.failures() + 1;
				if (failures >= this.maxAttempts) {
					return Decision.park("max_attempts",
							"Gave up after " + this.maxAttempts + " failed attempts: " + failure.message());
				}
				if (row.record().enqueuedAt().plus(this.maxAge).isBefore(Instant.now())) {
					return Decision.park("max_age", "Gave up after " + this.maxAge + ": " + failure.message());
				}
				Duration delay = this.backoff.delay(failures);
				if (failure.retryAfter() != null && failure.retryAfter().compareTo(delay) > 0) {
					delay = failure.retryAfter();
				}
				return Decision.retry("retry", true, true, delay);
		}
	}

}
