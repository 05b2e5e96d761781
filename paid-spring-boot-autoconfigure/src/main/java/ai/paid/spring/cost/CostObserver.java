package ai.paid.spring.cost;

import java.util.List;
import java.util.function.IntSupplier;

import ai.paid.spring.client.Cost;

/**
 * Notified of what the costs machinery does, for metrics. The auto-configuration supplies the Micrometer meters
 * ({@code ai.paid.spring.actuate.CostMetrics}) when a {@code MeterRegistry} is present, and {@link #NONE} otherwise.
 * Methods are called on the callers' and the senders' threads and must be quick and never throw. Every method does
 * nothing by default.
 */
public interface CostObserver {

	/** A no-op observer. */
	CostObserver NONE = new CostObserver() {
	};

	/**
	 * Return an observer that notifies each of the given ones in turn.
	 * @param observers the observers
	 * @return the composite
	 */
	static CostObserver composite(List<CostObserver> observers) {
		if (observers.isEmpty()) {
			return NONE;
		}
		if (observers.size() == 1) {
			return observers.get(0);
		}
		List<CostObserver> all = List.copyOf(observers);
		return new CostObserver() {

			@Override
			public void recorded(Cost cost, Path path) {
				all.forEach((observer) -> observer.recorded(cost, path));
			}

			@Override
			public void unattributed(String vendor, String model) {
				all.forEach((observer) -> observer.unattributed(vendor, model));
			}

			@Override
			public void sent(Path path, int ingested) {
				all.forEach((observer) -> observer.sent(path, ingested));
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
	 * A cost was recorded and handed to a path.
	 * @param cost the cost (vendor, model, tokens or amount)
	 * @param path where it went
	 */
	default void recorded(Cost cost, Path path) {
	}

	/**
	 * A model call finished outside any {@code PaidContext}: its cost is billed to nobody.
	 * @param vendor the vendor
	 * @param model the model
	 */
	default void unattributed(String vendor, String model) {
	}

	/**
	 * Paid accepted a costs POST.
	 * @param path where the costs came from
	 * @param ingested costs Paid stored
	 */
	default void sent(Path path, int ingested) {
	}

	/**
	 * Costs that will not reach Paid.
	 * @param path where the costs came from
	 * @param reason why
	 * @param count how many
	 */
	default void failed(Path path, FailureReason reason, int count) {
	}

	/**
	 * A batch left the in-memory buffer for Paid.
	 * @param size costs in the batch
	 */
	default void batch(int size) {
	}

	/**
	 * Called once by the batcher so the buffer fill can be observed.
	 * @param size current number of buffered costs
	 * @param capacity buffer capacity
	 */
	default void buffer(IntSupplier size, int capacity) {
	}

	/** How a cost travels. */
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

	/** Why costs will not reach Paid. */
	enum FailureReason {

		/** Paid rejected the cost as malformed (400), isolated from its batch; or it could not be written as JSON. */
		REJECTED,

		/** Sending kept failing (Paid unreachable, 5xx, credentials) until the attempts ran out. */
		GAVE_UP,

		/** The buffer was full; the cost was dropped so that the caller never waits. */
		BUFFER_FULL,

		/** Still buffered or in flight when the shutdown timeout ran out. */
		SHUTDOWN;

		/** The tag value. */
		public String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
