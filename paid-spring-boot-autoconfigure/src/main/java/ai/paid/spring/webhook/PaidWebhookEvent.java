package ai.paid.spring.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A webhook from Paid, published as a Spring application event after its delivery was verified and committed to the
 * inbox. Each documented event has its own subtype ({@link PaidInvoicePaidEvent}, {@link PaidCreditsDepletedEvent},
 * ...); an event name this version does not know arrives as {@link PaidGenericWebhookEvent}. Listen to this type to
 * get every event.
 * <p>
 * A listener that throws makes the whole delivery fail: it is retried with backoff (every listener runs again) and
 * parked after {@code paid.webhooks.max-attempts}. Listeners run inside the transaction that marks the delivery as
 * handled, so their writes to the application's database commit exactly once with it.
 */
public abstract class PaidWebhookEvent {

	private final PaidWebhookDelivery delivery;

	PaidWebhookEvent(PaidWebhookDelivery delivery) {
		this.delivery = delivery;
	}

	/**
	 * The delivery this event came in.
	 * @return the delivery
	 */
	public PaidWebhookDelivery delivery() {
		return this.delivery;
	}

	/**
	 * The event name, e.g. {@code billing-credits-depleted}.
	 * @return the name
	 */
	public String name() {
		return this.delivery.event();
	}

	/**
	 * When Paid says the event happened (the envelope's {@code timestamp}).
	 * @return the time, {@code null} when absent
	 */
	public @Nullable Instant timestamp() {
		return this.delivery.timestamp();
	}

	/**
	 * Whether Paid sent it as a test ({@code isTest}).
	 * @return whether it is a test delivery
	 */
	public boolean isTest() {
		return this.delivery.test();
	}

	/**
	 * The envelope's whole {@code data} object.
	 * @return the data
	 */
	public JsonNode data() {
		return this.delivery.data();
	}

	/**
	 * The event's payload: the object under its documented key in {@code data} ({@code invoice}, {@code payment},
	 * ...), or the whole {@code data} for an unknown event.
	 * @return the payload, a missing node when the key is absent
	 */
	public JsonNode payload() {
		String key = PaidWebhookEventType.dataKeyOf(name());
		return (key != null) ? data().path(key) : data();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.delivery.dedupKey() + ", attempt " + this.delivery.attempt()
				+ "]";
	}

}
