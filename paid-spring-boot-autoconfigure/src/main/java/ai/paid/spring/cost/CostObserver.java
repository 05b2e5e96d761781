package ai.paid.spring.cost;

import java.util.List;

import ai.paid.spring.bulk.BulkObserver;
import ai.paid.spring.client.Cost;

/**
 * Notified of what the costs machinery does, for metrics. The auto-configuration supplies the Micrometer meters
 * ({@code ai.paid.spring.actuate.CostMetrics}) when a {@code MeterRegistry} is present, and {@link #NONE} otherwise.
 * Methods are called on the callers' and the senders' threads and must be quick and never throw. Every method does
 * nothing by default.
 */
public interface CostObserver extends BulkObserver<CostObserver.Path, CostObserver.FailureReason> {

	/** A no-op observer. */
	CostObserver NONE = new CostObserver() {
	};

	/**
	 * Return an observer that notifies each of the given ones in turn.
	 * @param observers the observers
	 * @return the composite
	 */
	static CostObserver composite(List<CostObserver> observers) {
		class All extends Composite<Path, FailureReason, CostObserver> implements CostObserver {

			All(List<CostObserver> all) {
				super(all);
			}

			@Override
			public void recorded(Cost cost, Path path) {
				this.all.forEach((observer) -> observer.recorded(cost, path));
			}

			@Override
			public void unattributed(String vendor, String model) {
				this.all.forEach((observer) -> observer.unattributed(vendor, model));
			}

			@Override
			public void sent(Path path, int ingested) {
				this.all.forEach((observer) -> observer.sent(path, ingested));
			}

		}
		return BulkObserver.composite(observers, NONE, All::new);
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

	/** How a cost travels. */
	enum Path implements Tagged {

		/** Through the outbox, written in the caller's transaction. */
		TRANSACTIONAL,

		/** Through the in-memory batcher. */
		BUFFERED

	}

	/** Why costs will not reach Paid. */
	enum FailureReason implements Tagged {

		/** Paid rejected the cost as malformed (400), isolated from its batch; or it could not be written as JSON. */
		REJECTED,

		/** Sending kept failing (Paid unreachable, 5xx, credentials) until the attempts ran out. */
		GAVE_UP,

		/** The buffer was full; the cost was dropped so that the caller never waits. */
		BUFFER_FULL,

		/** Still buffered or in flight when the shutdown timeout ran out. */
		SHUTDOWN

	}

}
