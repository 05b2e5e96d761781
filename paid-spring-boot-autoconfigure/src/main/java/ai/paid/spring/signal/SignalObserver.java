package ai.paid.spring.signal;

import java.util.List;

import ai.paid.spring.bulk.BulkObserver;
import ai.paid.spring.client.Signal;

/**
 * Notified of what the signals machinery does, for metrics. The auto-configuration supplies the Micrometer meters
 * ({@code ai.paid.spring.actuate.SignalMetrics}) when a {@code MeterRegistry} is present, and {@link #NONE} otherwise.
 * Methods are called on the callers' and the senders' threads and must be quick and never throw. Every method does
 * nothing by default. Whatever an implementation derives from the calls stays low-cardinality: never the event name.
 */
public interface SignalObserver extends BulkObserver<SignalObserver.Path, SignalObserver.FailureReason> {

	/** A no-op observer. */
	SignalObserver NONE = new SignalObserver() {
	};

	/**
	 * Return an observer that notifies each of the given ones in turn.
	 * @param observers the observers
	 * @return the composite
	 */
	static SignalObserver composite(List<SignalObserver> observers) {
		class All extends Composite<Path, FailureReason, SignalObserver> implements SignalObserver {

			All(List<SignalObserver> all) {
				super(all);
			}

			@Override
			public void emitted(Path path) {
				this.all.forEach((observer) -> observer.emitted(path));
			}

			@Override
			public void sent(Path path, int ingested, int duplicates) {
				this.all.forEach((observer) -> observer.sent(path, ingested, duplicates));
			}

			@Override
			public void acknowledged(Path path, List<Signal> signals) {
				this.all.forEach((observer) -> observer.acknowledged(path, signals));
			}

		}
		return BulkObserver.composite(observers, NONE, All::new);
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

	/** How a signal travels. */
	enum Path implements Tagged {

		/** Through the outbox, written in the caller's transaction. */
		TRANSACTIONAL,

		/** Through the in-memory batcher. */
		BUFFERED

	}

	/** Why signals will not reach Paid. */
	enum FailureReason implements Tagged {

		/** Paid answered and counted them as {@code failed}, or rejected the request as malformed (400). */
		REJECTED,

		/** Sending kept failing (Paid unreachable, 5xx, credentials) until the attempts ran out. */
		GAVE_UP,

		/** The buffer was full; the caller got a {@link SignalBufferFullException}. */
		BUFFER_FULL,

		/** Still buffered or in flight when the shutdown timeout ran out. */
		SHUTDOWN

	}

}
