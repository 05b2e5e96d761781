package ai.paid.spring.outbox;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a failed delivery means for the lane and for dispatching as a whole.
 *
 * @param kind the class of failure
 * @param httpStatus Paid's status, {@code 0} when there was no response
 * @param message what went wrong, for the row's {@code last_error} and the logs
 * @param retryAfter how long Paid asked to wait, for {@link Kind#RATE_LIMITED}
 */
record DeliveryFailure(Kind kind, int httpStatus, String message, @Nullable Duration retryAfter) {

	enum Kind {

		/** Try the same row again later (5xx, 408, timeouts, connection errors). Consumes an attempt. */
		RETRYABLE,

		/** Paid is rate limiting: wait for Retry-After, no attempt consumed. */
		RATE_LIMITED,

		/** Paid rejected the API key (401, 403): pause all dispatching, no attempt consumed. */
		CREDENTIALS,

		/**
		 * The database failed in a way that goes away by itself (dropped connection, restart): retry with backoff,
		 * no attempt consumed, never parks, not counted by the circuit breaker.
		 */
		DATABASE,

		/** The handler answered with a {@link DeliveryOutcome} other than delivered. */
		HANDLER,

		/** Paid rejected this row (other 4xx): park the lane. */
		PERMANENT

	}

}
