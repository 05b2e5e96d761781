package ai.paid.spring.outbox;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Decides what a failed or deferred delivery does to its lane: retry later (counting the failure against the retry
 * budget or not) or park it, and records systemic failures (rejected credentials, rate limits, outages) on the
 * {@link DispatchGate}. Ages are measured on the database's clock, the clock the rows' timestamps come from.
 */
final class FailurePolicy {

	/** Upper bound of the wait after a database failure: the database is usually back within seconds. */
	private static final Duration MAX_DATABASE_BACKOFF = Duration.ofSeconds(30);

	/**
	 * What to do with the lane.
	 *
	 * @param outcome meter outcome: {@code retry}, {@code rate_limited}, {@code credentials}, {@code breaker_open},
	 * {@code database}, {@code retry_later}, {@code waiting}, or for parking {@code rejected}, {@code max_attempts},
	 * {@code max_age}
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

	private final BackoffPolicy databaseBackoff;

	private final int maxAttempts;

	private final Duration maxAge;

	private final Clock clock;

	FailurePolicy(DispatchGate gate, BackoffPolicy backoff, int maxAttempts, Duration maxAge) {
		this(gate, backoff, maxAttempts, maxAge, Clock.systemUTC());
	}

	/**
	 * @param clock the database's clock (see {@link DatabaseClock})
	 */
	FailurePolicy(DispatchGate gate, BackoffPolicy backoff, int maxAttempts, Duration maxAge, Clock clock) {
		this.gate = gate;
		this.backoff = backoff;
		this.databaseBackoff = new BackoffPolicy(Duration.ofMillis(backoff.ceilingMillis(1)), MAX_DATABASE_BACKOFF);
		this.maxAttempts = maxAttempts;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	Decision decide(PendingRow row, DeliveryFailure failure) {
		switch (failure.kind()) {
			case PERMANENT:
			case HANDLER:
				return Decision.park("rejected", failure.message());
			case CREDENTIALS:
				// Paid refused the request before doing anything: no attempt consumed
				boolean news = this.gate.credentialsRejected();
				return new Decision("credentials", false, false, false, Duration.ZERO, null, news);
			case RATE_LIMITED:
				Duration wait = (failure.retryAfter() != null) ? failure.retryAfter() : Duration.ofSeconds(1);
				this.gate.rateLimited(wait);
				return Decision.retry("rate_limited", false, false, wait);
			case DATABASE:
				// not the row's fault nor Paid's: no attempt consumed, nothing told to the breaker; the attempt
				// counter stays up because Paid may have accepted the change before the database write failed
				return Decision.retry("database", false, true,
						this.databaseBackoff.delay(Math.max(1, row.record().attempts() + 1)));
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
				if (tooOld(row)) {
					return Decision.park("max_age", "Gave up after " + this.maxAge + ": " + failure.message());
				}
				Duration delay = this.backoff.delay(failures);
				if (failure.retryAfter() != null && failure.retryAfter().compareTo(delay) > 0) {
					delay = failure.retryAfter();
				}
				return Decision.retry("retry", true, true, delay);
		}
	}

	/**
	 * Decides what a handler's explicit outcome does to the lane. None of them tells the circuit breaker anything:
	 * Paid did not fail.
	 * @param row the row
	 * @param outcome what the handler answered, not {@link DeliveryOutcome.Kind#DELIVERED}
	 */
	Decision decide(PendingRow row, DeliveryOutcome outcome) {
		String reason = (outcome.reason() != null) ? outcome.reason() : outcome.kind().name();
		Duration after = (outcome.after() != null) ? outcome.after() : Duration.ZERO;
		switch (outcome.kind()) {
			case PARK:
				return Decision.park("rejected", reason);
			case RETRY_LATER:
				if (row.failures() + 1 >= this.maxAttempts) {
					return Decision.park("max_attempts",
							"Gave up after " + this.maxAttempts + " failed attempts: " + reason);
				}
				if (tooOld(row)) {
					return Decision.park("max_age", "Gave up after " + this.maxAge + ": " + reason);
				}
				return Decision.retry("retry_later", true, true, after);
			case WAIT:
				if (tooOld(row)) {
					return Decision.park("max_age", "Gave up after " + this.maxAge + ": " + reason);
				}
				// the started mark stays (attempts keeps counting starts, which is all a handler reads from it);
				// the retry budget is untouched
				return Decision.retry("waiting", false, true, after);
			default:
				throw new IllegalArgumentException("Not a deferred outcome: " + outcome);
		}
	}

	private boolean tooOld(PendingRow row) {
		return row.record().enqueuedAt().plus(this.maxAge).isBefore(this.clock.instant());
	}

}
