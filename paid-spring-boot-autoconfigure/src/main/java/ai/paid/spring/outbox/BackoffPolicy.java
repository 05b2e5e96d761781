package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: after the n-th failure, wait a random time between zero and
 * {@code min(max, initial * 2^(n-1))}, so that lanes that failed together do not retry together.
 */
final class BackoffPolicy {

	private final long initialMillis;

	private final long maxMillis;

	BackoffPolicy(Duration initial, Duration max) {
		this.initialMillis = Math.max(1, initial.toMillis());
		this.maxMillis = Math.max(this.initialMillis, max.toMillis());
	}

	/** Upper bound of the delay after the given number of failures. */
	long ceilingMillis(int failures) {
		int shift = Math.min(Math.max(failures - 1, 0), 40);
		long ceiling = this.initialMillis << shift;
		return (ceiling <= 0 || ceiling > this.maxMillis) ? this.maxMillis : ceiling;
	}

	/** Delay before the next attempt after the given number of failures. */
	Duration delay(int failures) {
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceilingMillis(failures) + 1));
	}

}
