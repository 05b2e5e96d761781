package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What an {@link OutboxDeliveryHandler} says became of a row, when it is not a plain failure. A handler returns one
 * from {@link OutboxDeliveryHandler#deliver(OutboxRecord)}; an empty result means {@link #delivered()}. An error
 * signal still means "failed": the outbox classifies it (Paid's status, transport or database error) and retries,
 * waits or parks.
 * <ul>
 * <li>{@link #delivered()}: Paid has the change; the row is done.</li>
 * <li>{@link #retryLater(Duration, String)}: try the row again after a while; counts against the row's
 * {@code paid.outbox.max-attempts}, never against the circuit breaker (Paid did not fail).</li>
 * <li>{@link #waitFor(Duration, String)}: a dependency is not there yet (a contact whose customer has not reached
 * Paid); try again later without consuming an attempt and without counting against the breaker. Still bounded by
 * {@code paid.outbox.max-age}.</li>
 * <li>{@link #park(String)}: stop the lane at this row until an operator acts; the reason says what to do.</li>
 * </ul>
 */
public final class DeliveryOutcome {

	/** The kind of outcome. */
	public enum Kind {

		/** Paid has the change. */
		DELIVERED,

		/** Try again later, consuming an attempt. */
		RETRY_LATER,

		/** Try again later, consuming no attempt: a dependency is not there yet. */
		WAIT,

		/** Park the lane at this row. */
		PARK

	}

	private static final DeliveryOutcome DELIVERED = new DeliveryOutcome(Kind.DELIVERED, null, null);

	private final Kind kind;

	private final @Nullable Duration after;

	private final @Nullable String reason;

	private DeliveryOutcome(Kind kind, @Nullable Duration after, @Nullable String reason) {
		this.kind = kind;
		this.after = after;
		this.reason = reason;
	}

	/**
	 * Paid has the change.
	 * @return the outcome
	 */
	public static DeliveryOutcome delivered() {
		return DELIVERED;
	}

	/**
	 * Try the row again after the given time; consumes an attempt, is not counted by the circuit breaker.
	 * @param after how long to wait at least
	 * @param reason why, stored as the row's last error
	 * @return the outcome
	 */
	public static DeliveryOutcome retryLater(Duration after, String reason) {
		return new DeliveryOutcome(Kind.RETRY_LATER, requireDelay(after), Objects.requireNonNull(reason, "reason"));
	}

	/**
	 * A dependency of the row is not there yet: try again after the given time without consuming an attempt and
	 * without counting against the circuit breaker. The row still parks once older than {@code paid.outbox.max-age}.
	 * @param after how long to wait at least
	 * @param reason what the row waits for, stored as its last error
	 * @return the outcome
	 */
	public static DeliveryOutcome waitFor(Duration after, String reason) {
		return new DeliveryOutcome(Kind.WAIT, requireDelay(after), Objects.requireNonNull(reason, "reason"));
	}

	/**
	 * Park the lane at this row until an operator skips or retries it.
	 * @param reason what is wrong and what a person can do about it
	 * @return the outcome
	 */
	public static DeliveryOutcome park(String reason) {
		return new DeliveryOutcome(Kind.PARK, null, Objects.requireNonNull(reason, "reason"));
	}

	private static Duration requireDelay(Duration after) {
		Objects.requireNonNull(after, "after");
		if (after.isNegative()) {
			throw new IllegalArgumentException("after must not be negative, was " + after);
		}
		return after;
	}

	/**
	 * The kind of outcome.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * How long to wait before the next attempt, for {@link Kind#RETRY_LATER} and {@link Kind#WAIT}.
	 * @return the delay, or {@code null}
	 */
	public @Nullable Duration after() {
		return this.after;
	}

	/**
	 * Why the row was not delivered.
	 * @return the reason, {@code null} for {@link Kind#DELIVERED}
	 */
	public @Nullable String reason() {
		return this.reason;
	}

	@Override
	public String toString() {
		return this.kind + ((this.after != null) ? " after " + this.after : "")
				+ ((this.reason != null) ? ": " + this.reason : "");
	}

}
