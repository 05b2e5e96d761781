package ai.paid.spring.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How many deliveries the inbox holds in each state.
 *
 * @param pending waiting to be handled (or being handled)
 * @param handled handled and kept to recognise redeliveries
 * @param parked stopped after too many failed attempts
 * @param skipped given up on by an operator
 * @param oldestPendingMillis when the oldest pending delivery arrived (epoch milliseconds), {@code null} when none
 */
public record WebhookBacklog(long pending, long handled, long parked, long skipped,
		@Nullable Long oldestPendingMillis) {

	/**
	 * When the oldest pending delivery arrived.
	 * @return the instant, {@code null} when nothing is pending
	 */
	public @Nullable Instant oldestPending() {
		return (this.oldestPendingMillis != null) ? Instant.ofEpochMilli(this.oldestPendingMillis) : null;
	}

}
