package ai.paid.spring.bulk;

import java.time.Duration;

/** What {@link BulkBatcher} needs of a settings record. */
public interface BulkSettings {

	/**
	 * Items the buffer holds.
	 * @return the capacity
	 */
	int bufferCapacity();

	/**
	 * Items per POST; a batch leaves as soon as it is full.
	 * @return the batch size
	 */
	int batchSize();

	/**
	 * Longest time an item waits for its batch to fill.
	 * @return the interval
	 */
	Duration flushInterval();

	/**
	 * Batches sent concurrently; when all are in flight the buffer fills up.
	 * @return the number
	 */
	int maxInFlight();

	/**
	 * Times a batch is sent before its items are counted as failed.
	 * @return the number
	 */
	int maxAttempts();

	/**
	 * Delay before the second attempt, doubled for each further attempt.
	 * @return the delay
	 */
	Duration retryBackoff();

	/**
	 * How long shutdown waits for buffered and in-flight items to be sent.
	 * @return the timeout
	 */
	Duration shutdownTimeout();

}
