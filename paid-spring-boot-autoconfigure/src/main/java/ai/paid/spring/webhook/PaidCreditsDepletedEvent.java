package ai.paid.spring.webhook;

import tools.jackson.databind.JsonNode;

/**
 * {@code billing-credits-depleted}: a customer's credits ran out. Its payload is {@code data.credits}.
 */
public final class PaidCreditsDepletedEvent extends PaidWebhookEvent {

	/**
	 * Create the event.
	 * @param delivery the delivery it came in
	 */
	public PaidCreditsDepletedEvent(PaidWebhookDelivery delivery) {
		super(delivery);
	}

	/**
	 * The {@code credits} object of the event's {@code data}, as Paid sent it.
	 * @return the credits, a missing node when absent
	 */
	public JsonNode credits() {
		return payload();
	}

}
