package ai.paid.spring.cost;

import java.time.Duration;

import ai.paid.spring.bulk.BulkSettings;

/**
 * How the in-memory batcher buffers and sends costs recorded outside a transaction.
 *
 * @param bufferCapacity costs the buffer holds; a cost recorded while it is full is dropped (logged and counted), so
 * the caller never waits
 * @param batchSize costs per {@code POST /costs/bulk}; a batch leaves as soon as it is full
 * @param flushInterval longest time a cost waits for its batch to fill
 * @param maxInFlight batches sent concurrently; when all are in flight the buffer fills up
 * @param maxAttempts times a batch is sent before its costs are counted as failed
 * @param retryBackoff delay before the second attempt, doubled for each further attempt
 * @param shutdownTimeout how long shutdown waits for buffered and in-flight costs to be sent
 */
public record CostBatcherSettings(int bufferCapacity, int batchSize, Duration flushInterval, int maxInFlight,
		int maxAttempts, Duration retryBackoff, Duration shutdownTimeout) implements BulkSettings {

	public CostBatcherSettings {
		require(bufferCapacity > 0, "bufferCapacity must be positive");
		require(batchSize > 0, "batchSize must be positive");
		require(maxInFlight > 0, "maxInFlight must be positive");
		require(maxAttempts > 0, "maxAttempts must be positive");
		require(!flushInterval.isNegative() && !flushInterval.isZero(), "flushInterval must be positive");
		require(!retryBackoff.isNegative(), "retryBackoff must not be negative");
		require(!shutdownTimeout.isNegative(), "shutdownTimeout must not be negative");
	}

	/**
	 * The defaults of {@code paid.costs.*}.
	 * @return default settings
	 */
	public static CostBatcherSettings defaults() {
		return new CostBatcherSettings(10_000, 100, Duration.ofMillis(250), 4, 5, Duration.ofSeconds(1),
				Duration.ofSeconds(10));
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
