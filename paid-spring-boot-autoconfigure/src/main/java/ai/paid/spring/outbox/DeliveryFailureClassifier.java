package ai.paid.spring.outbox;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import ai.paid.spring.client.PaidApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Turns a handler's error signal into a {@link DeliveryFailure}. A {@link PaidApiException} is classified by its
 * status with the client's one rule ({@link PaidApiException#isRetryableStatus(int)}); a database error that goes
 * away by itself (a dropped connection, a restart, a lock timeout) is {@link DeliveryFailure.Kind#DATABASE}; other
 * errors are retryable when they are (or are caused by) I/O or timeout errors, and permanent otherwise (a bug in a
 * handler is not fixed by retrying, and parking makes it visible).
 */
final class DeliveryFailureClassifier {

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

	private static final int MAX_DEPTH = 16;

	DeliveryFailure classify(Throwable error) {
		PaidApiException paid = find(error, PaidApiException.class);
		if (paid != null) {
			return classify(paid);
		}
		if (isTransientDatabaseFailure(error)) {
			return new DeliveryFailure(DeliveryFailure.Kind.DATABASE, 0, describe(error), null);
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
		if (PaidApiException.isRetryableStatus(status)) {
			return new DeliveryFailure(DeliveryFailure.Kind.RETRYABLE, status, message, ex.getRetryAfter());
		}
		return new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, status, message, null);
	}

	/**
	 * Whether the error, or anything in its cause chain, is a database failure that goes away by itself: Spring's
	 * transient, recoverable and resource-failure exceptions, a transaction that could not start, JDBC's transient,
	 * recoverable and connection exceptions, and SQLSTATE classes 08 (connection) and 57 (operator intervention,
	 * e.g. PostgreSQL's 57P01 on a restart or {@code pg_terminate_backend}), also when a failed rollback hides them.
	 * @param error the error
	 * @return whether to retry without blaming Paid or the row
	 */
	static boolean isTransientDatabaseFailure(@Nullable Throwable error) {
		Throwable candidate = error;
		for (int depth = 0; candidate != null && depth < MAX_DEPTH; depth++) {
			if (candidate instanceof TransientDataAccessException || candidate instanceof RecoverableDataAccessException
					|| candidate instanceof DataAccessResourceFailureException
					|| candidate instanceof CannotCreateTransactionException
					|| candidate instanceof SQLTransientException || candidate instanceof SQLRecoverableException
					|| candidate instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (candidate instanceof TransactionSystemException rollback
					&& isTransientDatabaseFailure(rollback.getApplicationException())) {
				// the rollback after a dropped connection failed too, hiding the original failure
				return true;
			}
			if (candidate instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57"))) {
				return true;
			}
			candidate = (candidate.getCause() != candidate) ? candidate.getCause() : null;
		}
		return false;
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

	private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
		Throwable candidate = error;
		for (int depth = 0; candidate != null && depth < MAX_DEPTH; depth++) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		return null;
	}

}
