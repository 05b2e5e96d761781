package ai.paid.spring.webhook;

/**
 * A webhook whose event name this version of the starter does not know (Paid added it later). It is stored,
 * deduplicated and handled like the others; {@link #payload()} is the whole {@code data} object.
 */
public final class PaidGenericWebhookEvent extends PaidWebhookEvent {

	/**
	 * Create the event.
	 * @param delivery the delivery it came in
	 */
	public PaidGenericWebhookEvent(PaidWebhookDelivery delivery) {
		super(delivery);
	}

}
