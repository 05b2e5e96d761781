package ai.paid.spring.outbox;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import ai.paid.spring.client.PaidApiException;

/**
 * Turns a handler's error signal into a {@link DeliveryFailure}. Errors that are not a {@link PaidApiException} are
 * retryable when they are (or are caused by) I/O or timeout errors, and permanent otherwise (a bug in a handler is
 * not fixed by retrying, and parking makes it visible).
 */
final class DeliveryFailureClassifier {

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

	DeliveryFailure classify(Throwable error) {
		PaidApiException paid = find(error, PaidApiException.class);
		if (paid != null) {
			return classify(paid);
		}
		if (find(error, IOException.class) != null || find(error, TimeoutException.class) != null) {
			return new DeliveryFailure(DeliveryFailure.Kind.RETRYABLE, 0, describe(error), null);
		}
		return new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, 0, describe(error), null);
	}

	private DeliveryFailure classify(PaidApiException ex) {
		int status = ex.getStatus();
		String message = describe(ex);
		if (ex.isCredentialsRejected()) {
			return new DeliveryFailure(DeliveryFailure.Kind.CREDENTIALS, status, message, null);
		}
		if (ex.isRateLimited()) {
			Duration retryAfter = (ex.getRetryAfter() != null) ? ex.getRetryAfter() : DEFAULT_RETRY_AFTER;
			return new DeliveryFailure(DeliveryFailure.Kind.RATE_LIMITED, status, message, retryAfter);
		}
		if (status == 0 || status == 408 || status >= 500) {
			return new DeliveryFailure(DeliveryFailure.Kind.RETRYABLE, status, message, ex.getRetryAfter());
		}
		return new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, status, message, null);
	}

	private static String describe(Throwable error) {
		String text = error.getClass().getSimpleName();
		if (error.getMessage() != null) {
			text += ": " + error.getMessage();
		}
		if (error instanceof PaidApiException paid && paid.getError() != null
				&& (error.getMessage() == null || !error.getMessage().contains(paid.getError()))) {
			text += " (" + paid.getError() + ")";
		}
		return (text.length() > 2000) ? text.substring(0, 2000) : text;
	}

	private static <T extends Throwable> T find(Throwable error, Class<T> type) {
		Throwable candidate = error;
		for (int depth = 0; candidate != null && depth < 10; depth++) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		return null;
	}

}
