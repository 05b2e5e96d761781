package ai.paid.spring.webhook;

import java.time.Duration;

/**
 * How the dispatcher runs handlers.
 *
 * @param pollInterval how often it looks for due deliveries besides the after-commit wake-up
 * @param leaseDuration how long a claimed delivery stays reserved for one instance
 * @param concurrency deliveries handled at the same time by one instance
 * @param batchSize most deliveries whose handlers run in one transaction
 * @param initialBackoff upper bound of the random wait after a first failure; doubles with each further one
 * @param maxBackoff upper bound of the wait between attempts
 * @param maxAttempts attempts after which a delivery is parked
 * @param retention how long handled and skipped deliveries are kept to recognise redeliveries
 * @param shutdownTimeout how long shutdown waits for handlers in flight
 */
public record WebhookDispatcherSettings(Duration pollInterval, Duration leaseDuration, int concurrency, int batchSize,
		Duration initialBackoff, Duration maxBackoff, int maxAttempts, Duration retention, Duration shutdownTimeout) {

	/**
	 * Checks the settings.
	 * @param pollInterval how often it looks for due deliveries
	 * @param leaseDuration how long a claim lasts
	 * @param concurrency parallel handlers
	 * @param batchSize deliveries per handlers' transaction
	 * @param initialBackoff first backoff bound
	 * @param maxBackoff largest backoff bound
	 * @param maxAttempts attempts before parking
	 * @param retention how long finished deliveries are kept
	 * @param shutdownTimeout how long shutdown waits
	 */
	public WebhookDispatcherSettings {
		requirePositive("poll-interval", pollInterval);
		requirePositive("lease-duration", leaseDuration);
		requirePositive("initial-backoff", initialBackoff);
		requirePositive("max-backoff", maxBackoff);
		requirePositive("retention", retention);
		if (concurrency < 1) {
			throw new IllegalArgumentException("paid.webhooks.concurrency must be 1 or more, not " + concurrency);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("paid.webhooks.batch-size must be 1 or more, not " + batchSize);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("paid.webhooks.max-attempts must be 1 or more, not " + maxAttempts);
		}
		if (shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException("paid.webhooks.shutdown-timeout must not be negative");
		}
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("paid.webhooks." + name + " must be positive, not " + value);
		}
	}

	/** The random wait before attempt {@code failures + 1}: up to initialBackoff * 2^(failures-1), capped. */
	long backoffMillis(int failures, double random) {
		long bound = this.initialBackoff.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
		bound = Math.min(Math.max(bound, 1), this.maxBackoff.toMillis());
		return bound / 2 + (long) (random * (bound - bound / 2));
	}

}
