package ai.paid.spring.signal;

import java.time.Duration;

import ai.paid.spring.bulk.BulkSettings;

/**
 * How the in-memory batcher buffers and sends signals emitted outside a transaction.
 *
 * @param bufferCapacity signals the buffer holds before the overflow policy applies
 * @param batchSize signals per {@code POST /signals/bulk}; a batch leaves as soon as it is full
 * @param flushInterval longest time a signal waits for its batch to fill
 * @param overflow what {@code send()} does when the buffer is full
 * @param offerTimeout how long {@link SignalOverflowPolicy#BLOCK} waits for room
 * @param maxInFlight batches sent concurrently; when all are in flight the buffer fills up
 * @param maxAttempts times a batch is sent before its signals are counted as failed (each attempt includes the
 * client's own transport retries)
 * @param retryBackoff delay before the second attempt, doubled for each further attempt
 * @param shutdownTimeout how long shutdown waits for buffered and in-flight signals to be sent
 */
public record SignalBatcherSettings(int bufferCapacity, int batchSize, Duration flushInterval,
		SignalOverflowPolicy overflow, Duration offerTimeout, int maxInFlight, int maxAttempts, Duration retryBackoff,
		Duration shutdownTimeout) implements BulkSettings {

	public SignalBatcherSettings {
		require(bufferCapacity > 0, "bufferCapacity must be positive");
		require(batchSize > 0, "batchSize must be positive");
		require(maxInFlight > 0, "maxInFlight must be positive");
		require(maxAttempts > 0, "maxAttempts must be positive");
		require(!flushInterval.isNegative() && !flushInterval.isZero(), "flushInterval must be positive");
		require(!offerTimeout.isNegative(), "offerTimeout must not be negative");
		require(!retryBackoff.isNegative(), "retryBackoff must not be negative");
		require(!shutdownTimeout.isNegative(), "shutdownTimeout must not be negative");
	}

	/**
	 * The defaults of {@code paid.signals.*}.
	 * @return default settings
	 */
	public static SignalBatcherSettings defaults() {
		return new SignalBatcherSettings(10_000, 100, Duration.ofMillis(250), SignalOverflowPolicy.BLOCK,
				Duration.ofSeconds(1), 4, 5, Duration.ofSeconds(1), Duration.ofSeconds(10));
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
