package ai.paid.spring.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stops claiming when most recent deliveries failed retryably (Paid is down or overloaded), so that an outage does
 * not burn every row's attempts. Counts the last {@code windowSize} outcomes; opens when at least
 * {@code minimumCalls} were seen and the failure share reaches the threshold. While open, one probe delivery is allowed
 * per {@code openDuration}, each wait drawn between 80% and 100% of it so that instances that opened together do not
 * probe together; its success closes the breaker, its failure keeps it open.
 */
final class CircuitBreaker {

	/** Breaker state. */
	enum State {

		CLOSED, OPEN, HALF_OPEN

	}

	private final boolean[] window;

	private final int minimumCalls;

	private final double failureThreshold;

	private final Duration openDuration;

	private final Clock clock;

	private int next;

	private int calls;

	private int failures;

	private State state = State.CLOSED;

	private Instant probeAt = Instant.MIN;

	CircuitBreaker(int windowSize, int minimumCalls, double failureThreshold, Duration openDuration, Clock clock) {
		this.window = new boolean[Math.max(1, windowSize)];
		this.minimumCalls = Math.max(1, Math.min(minimumCalls, this.window.length));
		this.failureThreshold = failureThreshold;
		this.openDuration = openDuration;
		this.clock = clock;
	}

	synchronized State state() {
		return this.state;
	}

	/** Whether deliveries may run freely (closed). */
	synchronized boolean isClosed() {
		return this.state == State.CLOSED;
	}

	/**
	 * Whether a probe may start now; if so the breaker turns half-open until the probe reports.
	 */
	synchronized boolean tryProbe() {
		if (this.state == State.OPEN && !this.clock.instant().isBefore(this.probeAt)) {
			this.state = State.HALF_OPEN;
			return true;
		}
		return false;
	}

	/** Time until the next probe may start, zero when closed. */
	synchronized Duration untilProbe() {
		if (this.state != State.OPEN) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(this.clock.instant(), this.probeAt);
		return left.isNegative() ? Duration.ZERO : left;
	}

	/** A probe found nothing to deliver: allow the next one right away. */
	synchronized void probeSkipped() {
		if (this.state == State.HALF_OPEN) {
			this.state = State.OPEN;
			this.probeAt = this.clock.instant();
		}
	}

	/**
	 * Records a delivery Paid accepted.
	 * @return whether this closed the breaker
	 */
	synchronized boolean onSuccess() {
		if (this.state != State.CLOSED) {
			reset();
			this.state = State.CLOSED;
			return true;
		}
		record(false);
		return false;
	}

	/**
	 * Records a retryable failure.
	 * @return whether the breaker was already open or half-open, i.e. the failure should not consume an attempt
	 */
	synchronized boolean onFailure() {
		if (this.state != State.CLOSED) {
			open();
			return true;
		}
		record(true);
		if (this.calls >= this.minimumCalls && this.failures >= this.failureThreshold * this.calls) {
			open();
		}
		return false;
	}

	private void open() {
		this.state = State.OPEN;
		long nanos = this.openDuration.toNanos();
		long jittered = nanos - (long) (ThreadLocalRandom.current().nextDouble() * nanos * 0.2);
		this.probeAt = this.clock.instant().plusNanos(jittered);
	}

	private void record(boolean failure) {
		if (this.calls == this.window.length) {
			if (this.window[this.next]) {
				this.failures--;
			}
		}
		else {
			this.calls++;
		}
		this.window[this.next] = failure;
		if (failure) {
			this.failures++;
		}
		this.next = (this.next + 1) % this.window.length;
	}

	private void reset() {
		this.next = 0;
		this.calls = 0;
		this.failures = 0;
	}

}
