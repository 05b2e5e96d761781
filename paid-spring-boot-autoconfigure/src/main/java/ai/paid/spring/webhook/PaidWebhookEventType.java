package ai.paid.spring.webhook;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The webhook events Paid documents, with the key of their payload in {@code data} and their event type.
 */
public enum PaidWebhookEventType {

	/** {@code billing-invoice-created}. */
	INVOICE_CREATED("billing-invoice-created", "invoice", PaidInvoiceCreatedEvent::new),

	/** {@code billing-invoice-paid}. */
	INVOICE_PAID("billing-invoice-paid", "invoice", PaidInvoicePaidEvent::new),

	/** {@code billing-checkout-created}. */
	CHECKOUT_CREATED("billing-checkout-created", "checkout", PaidCheckoutCreatedEvent::new),

	/** {@code billing-checkout-completed}. */
	CHECKOUT_COMPLETED("billing-checkout-completed", "checkout", PaidCheckoutCompletedEvent::new),

	/** {@code billing-checkout-expired}. */
	CHECKOUT_EXPIRED("billing-checkout-expired", "checkout", PaidCheckoutExpiredEvent::new),

	/** {@code billing-payment-succeeded}. */
	PAYMENT_SUCCEEDED("billing-payment-succeeded", "payment", PaidPaymentSucceededEvent::new),

	/** {@code billing-payment-failed}. */
	PAYMENT_FAILED("billing-payment-failed", "payment", PaidPaymentFailedEvent::new),

	/** {@code billing-credits-depleted}. */
	CREDITS_DEPLETED("billing-credits-depleted", "credits", PaidCreditsDepletedEvent::new),

	/** {@code billing-overage-incurred}. */
	OVERAGE_INCURRED("billing-overage-incurred", "overage", PaidOverageIncurredEvent::new);

	private final String eventName;

	private final String dataKey;

	private final Function<PaidWebhookDelivery, PaidWebhookEvent> factory;

	PaidWebhookEventType(String eventName, String dataKey, Function<PaidWebhookDelivery, PaidWebhookEvent> factory) {
		this.eventName = eventName;
		this.dataKey = dataKey;
		this.factory = factory;
	}

	/**
	 * The event name on the wire.
	 * @return the name
	 */
	public String eventName() {
		return this.eventName;
	}

	/**
	 * The key of the event's payload in {@code data}.
	 * @return the key
	 */
	public String dataKey() {
		return this.dataKey;
	}

	/**
	 * The type of an event name.
	 * @param eventName the name on the wire
	 * @return the type, {@code null} for a name Paid did not document
	 */
	public static @Nullable PaidWebhookEventType of(String eventName) {
		for (PaidWebhookEventType type : values()) {
			if (type.eventName.equals(eventName)) {
				return type;
			}
		}
		return null;
	}

	static @Nullable String dataKeyOf(String eventName) {
		PaidWebhookEventType type = of(eventName);
		return (type != null) ? type.dataKey : null;
	}

	/**
	 * The Spring event for a delivery: its documented type, or {@link PaidGenericWebhookEvent}.
	 * @param delivery the delivery
	 * @return the event
	 */
	public static PaidWebhookEvent toEvent(PaidWebhookDelivery delivery) {
		PaidWebhookEventType type = of(delivery.event());
		return (type != null) ? type.factory.apply(delivery) : new PaidGenericWebhookEvent(delivery);
	}

}
