package ai.paid.spring.webhook;

import tools.jackson.databind.JsonNode;

/**
 * {@code billing-checkout-created}: a checkout was created. Its payload is {@code data.checkout}.
 */
public final class PaidCheckoutCreatedEvent extends PaidWebhookEvent {

	/**
	 * Create the event.
	 * @param delivery the delivery it came in
	 */
	public PaidCheckoutCreatedEvent(PaidWebhookDelivery delivery) {
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
