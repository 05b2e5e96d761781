package ai.paid.spring.webhook;

import tools.jackson.databind.JsonNode;

/**
 * {@code billing-invoice-created}: an invoice was created. Its payload is {@code data.invoice}.
 */
public final class PaidInvoiceCreatedEvent extends PaidWebhookEvent {

	/**
	 * Create the event.
	 * @param delivery the delivery it came in
	 */
	public PaidInvoiceCreatedEvent(PaidWebhookDelivery delivery) {
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
