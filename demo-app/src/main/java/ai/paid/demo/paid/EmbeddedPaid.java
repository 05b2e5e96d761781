package ai.paid.demo.paid;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The mock Paid server the demo runs in-process when no API key is configured; a bean only in that mode.
 */
public interface EmbeddedPaid {

	/** Where the starter's client talks to it. */
	String baseUrl();

	/**
	 * Makes every request to it fail with the given status for a while, to watch the outbox retry and recover.
	 * @return when it recovers
	 */
	Instant failFor(Duration duration, int status);

	/** How many signals it has ingested (duplicates by idempotency key not counted). */
	int signalsIngested();

	/**
	 * Makes the mock send a signed webhook to this application's receiver, as Paid would.
	 * @param event the event name, e.g. {@code billing-credits-depleted}
	 * @param payload the object under the event's key in {@code data}
	 * @return the receiver's HTTP status
	 */
	int sendWebhook(String event, Map<String, ?> payload);

	/** When an outage started with {@link #failFor} ends, or {@code null} when it is answering normally. */
	@Nullable Instant failingUntil();

}
