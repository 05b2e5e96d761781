package ai.paid.spring.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One delivery in the inbox, without its body.
 *
 * @param id the row id
 * @param dedupKey the deduplication key
 * @param event the event name
 * @param state where it is
 * @param attempts handling attempts so far
 * @param deliveries how many times Paid delivered it (redeliveries included)
 * @param receivedAtMillis when it first arrived (epoch milliseconds)
 * @param finishedAtMillis when it was handled, parked or skipped (epoch milliseconds)
 * @param lastError the last handler failure
 */
public record WebhookInboxEntry(long id, String dedupKey, String event, State state, int attempts, int deliveries,
		long receivedAtMillis, @Nullable Long finishedAtMillis, @Nullable String lastError) {

	/**
	 * When it first arrived.
	 * @return the instant
	 */
	public Instant receivedAt() {
		return Instant.ofEpochMilli(this.receivedAtMillis);
	}

	/**
	 * When it was handled, parked or skipped.
	 * @return the instant, {@code null} while pending
	 */
	public @Nullable Instant finishedAt() {
		return (this.finishedAtMillis != null) ? Instant.ofEpochMilli(this.finishedAtMillis) : null;
	}

	/** Where a delivery is. */
	public enum State {

		/** Waiting to be handled, or being handled. */
		PENDING,

		/** Handled once. */
		HANDLED,

		/** Stopped after too many failed attempts; retry or skip it. */
		PARKED,

		/** Given up on by an operator. */
		SKIPPED

	}

}
