package ai.paid.spring.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A call to Paid failed: Paid answered with a non-2xx status, or the call did not complete (timeout, connection
 * failure). Carries what an operator needs to act and what the outbox needs to classify the failure. Never carries
 * the API key.
 */
public class PaidApiException extends RuntimeException {

	private final int status;

	private final @Nullable String error;

	private final @Nullable String code;

	private final @Nullable String details;

	private final boolean retryable;

	private final @Nullable Duration retryAfter;

	public PaidApiException(String message, int status, @Nullable String error, @Nullable String code,
			@Nullable String details, boolean retryable, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
		this.error = error;
		this.code = code;
		this.details = details;
		this.retryable = retryable;
		this.retryAfter = retryAfter;
	}

	/**
	 * HTTP status Paid answered with, or {@code 0} when no response arrived (timeout, connection error).
	 */
	public int getStatus() {
		return this.status;
	}

	/** Paid's {@code error} message (v2 string form, or v1 {@code error.message}). */
	public @Nullable String getError() {
		return this.error;
	}

	/** Paid's {@code code}, when given. */
	public @Nullable String getCode() {
		return this.code;
	}

	/** Paid's {@code details}, when given. */
	public @Nullable String getDetails() {
		return this.details;
	}

	/** Whether sending the same request again may succeed (408, 429, 5xx, timeouts, connection errors). */
	public boolean isRetryable() {
		return this.retryable;
	}

	/**
	 * The one rule for which answers may succeed when the same request is sent again: no response ({@code 0}), 408,
	 * 429 and 5xx. The client's own retries and the outbox's failure classification both use it.
	 * @param status HTTP status, {@code 0} for no response
	 * @return whether the status is retryable
	 */
	public static boolean isRetryableStatus(int status) {
		return status == 0 || status == 408 || status == 429 || status >= 500;
	}

	/** Delay Paid asked for with {@code Retry-After}, when it did. */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/** Whether Paid rejected the credentials (401 or 403). */
	public boolean isCredentialsRejected() {
		return this.status == 401 || this.status == 403;
	}

	/** Whether Paid answered 404. */
	public boolean isNotFound() {
		return this.status == 404;
	}

	/** Whether Paid is rate limiting (429). */
	public boolean isRateLimited() {
		return this.status == 429;
	}

}
