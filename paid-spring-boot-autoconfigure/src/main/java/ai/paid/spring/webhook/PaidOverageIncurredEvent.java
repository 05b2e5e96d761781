package ai.paid.spring.webhook;

import tools.jackson.databind.JsonNode;

/**
 * {@code billing-overage-incurred}: a customer incurred overage. Its payload is {@code data.overage}.
 */
public final class PaidOverageIncurredEvent extends PaidWebhookEvent {

	/**
	 * Create the event.
	 * @param delivery the delivery it came in
	 */
	public PaidOverageIncurredEvent(PaidWebhookDelivery delivery) {
		super(delivery);
	}

	/**
	 * The {@code overage} object of the event's {@code data}, as Paid sent it.
	 * @return the overage, a missing node when absent
	 */
	public JsonNode overage() {
		return payload();
	}

}
