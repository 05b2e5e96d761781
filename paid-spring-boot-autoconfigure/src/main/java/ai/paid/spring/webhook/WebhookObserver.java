package ai.paid.spring.webhook;

import java.util.List;

/**
 * Notified of what the webhook receiver and dispatcher do, for metrics. The auto-configuration supplies the
 * Micrometer meters ({@code ai.paid.spring.actuate.WebhookMetrics}) when a {@code MeterRegistry} is present. Methods
 * must be quick and never throw; each does nothing by default. Event names passed are Paid's documented names or
 * {@code other}, so tags stay low-cardinality.
 */
public interface WebhookObserver {

	/** A no-op observer. */
	WebhookObserver NONE = new WebhookObserver() {
	};

	/**
	 * A verified delivery was stored (or recognised as a redelivery).
	 * @param event the event name or {@code other}
	 * @param duplicate whether it was a redelivery of a stored event
	 */
	default void received(String event, boolean duplicate) {
	}

	/**
	 * A delivery was refused.
	 * @param reason why
	 */
	default void rejected(WebhookRejection reason) {
	}

	/**
	 * An event's handlers ran and the delivery was marked handled.
	 * @param event the event name or {@code other}
	 */
	default void handled(String event) {
	}

	/**
	 * An attempt failed and will be retried.
	 * @param event the event name or {@code other}
	 */
	default void failed(String event) {
	}

	/**
	 * An attempt failed for the last time and the delivery was parked.
	 * @param event the event name or {@code other}
	 */
	default void parked(String event) {
	}

	/**
	 * The event name as a low-cardinality tag: documented names as they are, anything else {@code other}.
	 * @param event the event name
	 * @return the tag value
	 */
	static String tag(String event) {
		return (PaidWebhookEventType.of(event) != null) ? event : "other";
	}

	/**
	 * An observer that notifies each of the given ones in turn.
	 * @param observers the observers
	 * @return the composite
	 */
	static WebhookObserver composite(List<WebhookObserver> observers) {
		if (observers.isEmpty()) {
			return NONE;
		}
		if (observers.size() == 1) {
			return observers.get(0);
		}
		List<WebhookObserver> all = List.copyOf(observers);
		return new WebhookObserver() {

			@Override
			public void received(String event, boolean duplicate) {
				all.forEach((observer) -> observer.received(event, duplicate));
			}

			@Override
			public void rejected(WebhookRejection reason) {
				all.forEach((observer) -> observer.rejected(reason));
			}

			@Override
			public void handled(String event) {
				all.forEach((observer) -> observer.handled(event));
			}

			@Override
			public void failed(String event) {
				all.forEach((observer) -> observer.failed(event));
			}

			@Override
			public void parked(String event) {
				all.forEach((observer) -> observer.parked(event));
			}

		};
	}

}
