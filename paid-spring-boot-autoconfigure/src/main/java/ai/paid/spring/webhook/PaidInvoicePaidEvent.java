package ai.paid.spring.webhook;

import tools.jackson.databind.JsonNode;

/**
 * {@code billing-invoice-paid}: an invoice was paid. Its payload is {@code data.invoice}.
 */
public final class PaidInvoicePaidEvent extends PaidWebhookEvent {

	/**
	 * Create the event.
	 * @param delivery the delivery it came in
	 */
	public PaidInvoicePaidEvent(PaidWebhookDelivery delivery) {
		super(delivery);
	}

	/**
	 * The {@code invoice} object of the event's {@code data}, as Paid sent it.
	 * @return the invoice, a missing node when absent
	 */
	public JsonNode invoice() {
		return payload();
	}

}
