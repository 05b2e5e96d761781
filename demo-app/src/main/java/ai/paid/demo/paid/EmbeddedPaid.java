package ai.paid.demo.paid;

import java.time.Duration;
import java.time.Instant;

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

	/** When an outage started with {@link #failFor} ends, or {@code null} when it is answering normally. */
	@Nullable Instant failingUntil();

}
