package ai.paid.spring.signal;

import java.util.List;
import java.util.function.IntSupplier;

import ai.paid.spring.client.Signal;

/**
 * Notified of what the signals machinery does, for metrics. The auto-configuration supplies the Micrometer meters
 * ({@code ai.paid.spring.actuate.SignalMetrics}) when a {@code MeterRegistry} is present, and {@link #NONE} otherwise.
 * Methods are called on the callers' and the senders' threads and must be quick and never throw. Every method does
 * nothing by default. Whatever an implementation derives from the calls stays low-cardinality: never the event name.
 */
public interface SignalObserver {

	/** A no-op observer. */
	SignalObserver NONE = new SignalObserver() {
	};

	/**
	 * Return an observer that notifies each of the given ones in turn.
	 * @param observers the observers
	 * @return the composite
	 */
	static SignalObserver composite(List<SignalObserver> observers) {
		if (observers.isEmpty()) {
			return NONE;
		}
		if (observers.size() == 1) {
			return observers.get(0);
		}
		List<SignalObserver> all = List.copyOf(observers);
		return new SignalObserver() {

			@Override
			public void emitted(Path path) {
				all.forEach((observer) -> observer.emitted(path));
			}

			@Override
			public void sent(Path path, int ingested, int duplicates) {
				all.forEach((observer) -> observer.sent(path, ingested, duplicates));
			}

			@Override
			public void acknowledged(Path path, List<Signal> signals) {
				all.forEach((observer) -> observer.acknowledged(path, signals));
			}

			@Override
			public void failed(Path path, FailureReason reason, int count) {
				all.forEach((observer) -> observer.failed(path, reason, count));
			}

			@Override
			public void batch(int size) {
				all.forEach((observer) -> observer.batch(size));
			}

			@Override
			public void buffer(IntSupplier size, int capacity) {
				all.forEach((observer) -> observer.buffer(size, capacity));
			}

		};
	}

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
	 * Paid answered a signals POST: these signals reached it (ingested, duplicates, or counted as failed). Lets an
	 * observer act per customer, e.g. {@code PaidCredits} forgets the customer's cached credit balances.
	 * @param path where the signals came from
	 * @param signals the signals of the POST
	 */
	default void acknowledged(Path path, List<Signal> signals) {
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
