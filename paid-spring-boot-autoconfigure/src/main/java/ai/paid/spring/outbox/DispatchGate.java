package ai.paid.spring.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether the dispatcher may claim lanes now, and how many: not while paused, while Paid rate limits us, or
 * while Paid rejects the API key or keeps failing (then one probe lane per interval).
 */
final class DispatchGate {

	/**
	 * What the dispatcher may do now.
	 *
	 * @param allowed whether to claim at all
	 * @param probe claim a single lane and send a single row
	 * @param retryIn when to ask again if not allowed, or {@code null} for on the next wake-up
	 */
	record Admission(boolean allowed, boolean probe, @Nullable Duration retryIn) {

		static final Admission FREE = new Admission(true, false, Duration.ZERO);

		static final Admission PROBE = new Admission(true, true, Duration.ZERO);

		static Admission waitFor(Duration delay) {
			return new Admission(false, false, delay.isNegative() ? Duration.ZERO : delay);
		}

	}

	private final CircuitBreaker breaker;

	private final Duration credentialsProbeInterval;

	private final Clock clock;

	private volatile boolean paused;

	private volatile boolean credentialsRejected;

	private volatile Instant credentialsProbeAt = Instant.MIN;

	private volatile Instant rateLimitedUntil = Instant.MIN;

	DispatchGate(CircuitBreaker breaker, Duration credentialsProbeInterval, Clock clock) {
		this.breaker = breaker;
		this.credentialsProbeInterval = credentialsProbeInterval;
		this.clock = clock;
	}

	/**
	 * Whether to claim now.
	 * @param idle whether no lane is in flight (probes only start then)
	 */
	synchronized Admission admit(boolean idle) {
		if (this.paused) {
			return new Admission(false, false, null);
		}
		Instant now = this.clock.instant();
		if (this.rateLimitedUntil.isAfter(now)) {
			return Admission.waitFor(Duration.between(now, this.rateLimitedUntil));
		}
		if (this.credentialsRejected) {
			if (now.isBefore(this.credentialsProbeAt) || !idle) {
				return Admission.waitFor(Duration.between(now, this.credentialsProbeAt));
			}
			this.credentialsProbeAt = now.plus(this.credentialsProbeInterval);
			return Admission.PROBE;
		}
		if (!this.breaker.isClosed()) {
			if (!idle || !this.breaker.tryProbe()) {
				return Admission.waitFor(this.breaker.untilProbe());
			}
			return Admission.PROBE;
		}
		return Admission.FREE;
	}

	/** A probe found no lane to try: allow the next one right away. */
	void probeFoundNothing() {
		if (!this.credentialsRejected) {
			this.breaker.probeSkipped();
		}
	}

	void pause() {
		this.paused = true;
	}

	void resume() {
		this.paused = false;
	}

	/** Whether nothing holds deliveries back, so a lane may keep its lease for its next batch. */
	boolean flowing() {
		return !this.paused && !this.credentialsRejected && this.breaker.isClosed();
	}

	/**
	 * Records a delivery Paid accepted.
	 * @return whether this closed the circuit breaker (a probe succeeded)
	 */
	boolean delivered() {
		return this.breaker.onSuccess();
	}

	/**
	 * A delivery ended without telling anything about Paid's health (the handler waits for a dependency, or the
	 * database failed): if it was the probe, allow the next one right away.
	 */
	void inconclusive() {
		if (!this.credentialsRejected) {
			this.breaker.probeSkipped();
		}
	}

	/** Whether the circuit breaker holds dispatching back (open or half-open). */
	boolean breakerOpen() {
		return !this.breaker.isClosed();
	}

	/**
	 * Records a retryable failure.
	 * @return whether dispatching was already held back by the breaker, so the failure should not count
	 */
	boolean failedRetryably() {
		return this.breaker.onFailure();
	}

	/**
	 * Pauses dispatching because Paid rejected the API key.
	 * @return whether this is news (dispatching was not already paused for it)
	 */
	synchronized boolean credentialsRejected() {
		if (this.credentialsRejected) {
			return false;
		}
		this.credentialsRejected = true;
		this.credentialsProbeAt = this.clock.instant().plus(this.credentialsProbeInterval);
		return true;
	}

	/**
	 * Resumes dispatching after Paid accepted a delivery again.
	 * @return whether dispatching was paused for rejected credentials
	 */
	synchronized boolean credentialsAccepted() {
		boolean was = this.credentialsRejected;
		this.credentialsRejected = false;
		return was;
	}

	/** Holds all dispatching back until Paid's Retry-After has passed. */
	synchronized void rateLimited(Duration wait) {
		Instant until = this.clock.instant().plus(wait);
		if (until.isAfter(this.rateLimitedUntil)) {
			this.rateLimitedUntil = until;
		}
	}

	DispatchStatus status(boolean running) {
		return new DispatchStatus(running, this.paused, this.credentialsRejected, this.breaker.state().name(),
				this.rateLimitedUntil.isAfter(this.clock.instant()));
	}

}
