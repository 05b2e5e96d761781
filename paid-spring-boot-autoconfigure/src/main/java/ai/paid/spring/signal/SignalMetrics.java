package ai.paid.spring.signal;

import java.util.function.IntSupplier;

/**
 * What the signals machinery reports for monitoring. The auto-configuration supplies a Micrometer implementation when
 * a {@code MeterRegistry} is present and {@link #NONE} otherwise. Tags stay low-cardinality: never the event name.
 */
public interface SignalMetrics {

	/** Reports nothing. */
	SignalMetrics NONE = new SignalMetrics() {
	};

	/**
	 * A signal was accepted by {@code send()}.
	 * @param path where it went
	 */
	default void emitted(Path path) {
	}

	/**
	 * Paid answered a signals POST.
	 * @param path where the signals came from
	 * @param ingested signals Paid stored
	 * @param duplicates signals Paid had already seen (a retry, or a repeated idempotency key)
	 */
	default void sent(Path path, int ingested, int duplicates) {
	}

	/**
	 * Signals that will not reach Paid.
	 * @param path where the signals came from
	 * @param reason why: {@link FailureReason}
	 * @param count how many
	 */
	default void failed(Path path, FailureReason reason, int count) {
	}

	/**
	 * A batch left the in-memory buffer for Paid.
	 * @param size signals in the batch
	 */
	default void batch(int size) {
	}

	/**
	 * Called once by the batcher so the buffer fill can be observed.
	 * @param size current number of buffered signals
	 * @param capacity buffer capacity
	 */
	default void buffer(IntSupplier size, int capacity) {
	}

	/** How a signal travels. */
	enum Path {

		/** Through the outbox, written in the caller's transaction. */
		TRANSACTIONAL,

		/** Through the in-memory batcher. */
		BUFFERED;

		/** The tag value. */
		public String tag() {
			return (this == TRANSACTIONAL) ? "transactional" : "buffered";
		}

	}

	/** Why signals will not reach Paid. */
	enum FailureReason {

		/** Paid answered and counted them as {@code failed}, or rejected the request as malformed (400). */
		REJECTED,

		/** Sending kept failing (Paid unreachable, 5xx, credentials) until the attempts ran out. */
		GAVE_UP,

		/** The buffer was full; the caller got a {@link SignalBufferFullException}. */
		BUFFER_FULL,

		/** Still buffered or in flight when the shutdown timeout ran out. */
		SHUTDOWN;

		/** The tag value. */
		public String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
