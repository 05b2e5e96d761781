package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.List;

/**
 * Notified of what the outbox does, for metrics. Methods are called on the outbox's own threads and must be quick and
 * never throw. Every method does nothing by default.
 */
public interface OutboxObserver {

	/** A no-op observer. */
	OutboxObserver NONE = new OutboxObserver() {
	};

	/**
	 * Return an observer that notifies each of the given ones in turn.
	 * @param observers the observers
	 * @return the composite
	 */
	static OutboxObserver composite(List<OutboxObserver> observers) {
		if (observers.isEmpty()) {
			return NONE;
		}
		if (observers.size() == 1) {
			return observers.get(0);
		}
		List<OutboxObserver> all = List.copyOf(observers);
		return new OutboxObserver() {

			@Override
			public void enqueued(String entityType, OutboxOperation operation, boolean coalesced) {
				all.forEach((observer) -> observer.enqueued(entityType, operation, coalesced));
			}

			@Override
			public void delivered(OutboxRecord record, Duration lag) {
				all.forEach((observer) -> observer.delivered(record, lag));
			}

			@Override
			public void retried(OutboxRecord record, String outcome) {
				all.forEach((observer) -> observer.retried(record, outcome));
			}

			@Override
			public void parked(OutboxRecord record, String outcome) {
				all.forEach((observer) -> observer.parked(record, outcome));
			}

		};
	}

	/**
	 * A message was written to the outbox.
	 * @param entityType the message's entity type
	 * @param operation the message's operation
	 * @param coalesced whether it was merged into the entity's pending row instead of appending one
	 */
	default void enqueued(String entityType, OutboxOperation operation, boolean coalesced) {
	}

	/**
	 * Paid accepted a row.
	 * @param record the delivered row
	 * @param lag time from the commit of the row's latest change to Paid's acknowledgement
	 */
	default void delivered(OutboxRecord record, Duration lag) {
	}

	/**
	 * A delivery failed and will be tried again.
	 * @param record the row
	 * @param outcome {@code retry}, {@code rate_limited}, {@code credentials}, {@code breaker_open}, {@code database}
	 * (a transient database failure), {@code retry_later} or {@code waiting} (the handler's {@link DeliveryOutcome})
	 */
	default void retried(OutboxRecord record, String outcome) {
	}

	/**
	 * A lane was parked because of its head row.
	 * @param record the head row
	 * @param outcome {@code rejected} (by Paid, or by the handler's {@link DeliveryOutcome#park}), {@code max_attempts},
	 * {@code max_age} or {@code no_handler}
	 */
	default void parked(OutboxRecord record, String outcome) {
	}

}
