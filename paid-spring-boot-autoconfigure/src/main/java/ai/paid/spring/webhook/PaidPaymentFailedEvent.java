package ai.paid.spring.webhook;

import tools.jackson.databind.JsonNode;

/**
 * {@code billing-payment-failed}: a payment failed. Its payload is {@code data.payment}.
 */
public final class PaidPaymentFailedEvent extends PaidWebhookEvent {

	/**
	 * Create the event.
	 * @param delivery the delivery it came in
	 */
	public PaidPaymentFailedEvent(PaidWebhookDelivery delivery) {
		super(delivery);
	}

	/**
	 * The {@code payment} object of the event's {@code data}, as Paid sent it.
	 * @return the payment, a missing node when absent
	 */
	public JsonNode payment() {
		return payload();
	}

}
