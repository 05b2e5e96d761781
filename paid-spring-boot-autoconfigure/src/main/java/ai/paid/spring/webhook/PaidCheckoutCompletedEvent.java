package ai.paid.spring.webhook;

import tools.jackson.databind.JsonNode;

/**
 * {@code billing-checkout-completed}: a checkout was completed. Its payload is {@code data.checkout}.
 */
public final class PaidCheckoutCompletedEvent extends PaidWebhookEvent {

	/**
	 * Create the event.
	 * @param delivery the delivery it came in
	 */
	public PaidCheckoutCompletedEvent(PaidWebhookDelivery delivery) {
		super(delivery);
	}

	/**
	 * The {@code checkout} object of the event's {@code data}, as Paid sent it.
	 * @return the checkout, a missing node when absent
	 */
	public JsonNode checkout() {
		return payload();
	}

}
