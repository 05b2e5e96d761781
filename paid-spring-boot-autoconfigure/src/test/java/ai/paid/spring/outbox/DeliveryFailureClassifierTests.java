package ai.paid.spring.outbox;

import java.io.IOException;
import java.time.Duration;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import ai.paid.spring.client.PaidApiException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeliveryFailureClassifier}.
 */
class DeliveryFailureClassifierTests {

	private final DeliveryFailureClassifier classifier = new DeliveryFailureClassifier();

	@Test
	void serverErrorsTimeoutsAndMissingResponsesAreRetryable() {
		for (int status : new int[] { 0, 408, 500, 502, 503, 504 }) {
			assertThat(this.classifier.classify(paid(status, null)).kind()).as("status " + status)
				.isEqualTo(DeliveryFailure.Kind.RETRYABLE);
		}
		assertThat(this.classifier.classify(new RuntimeException(new IOException("reset"))).kind())
			.isEqualTo(DeliveryFailure.Kind.RETRYABLE);
		assertThat(this.classifier.classify(new TimeoutException()).kind()).isEqualTo(DeliveryFailure.Kind.RETRYABLE);
	}

	@Test
	void rateLimitCarriesRetryAfter() {
		DeliveryFailure failure = this.classifier.classify(paid(429, Duration.ofSeconds(7)));
		assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.RATE_LIMITED);
		assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void rejectedCredentialsPauseEverything() {
		assertThat(this.classifier.classify(paid(401, null)).kind()).isEqualTo(DeliveryFailure.Kind.CREDENTIALS);
		assertThat(this.classifier.classify(paid(403, null)).kind()).isEqualTo(DeliveryFailure.Kind.CREDENTIALS);
	}

	@Test
	void otherClientErrorsAndBugsArePermanentWithPaidsMessage() {
		DeliveryFailure failure = this.classifier.classify(paid(400, null));
		assertThat(failure.kind()).isEqualTo(DeliveryFailure.Kind.PERMANENT);
		assertThat(failure.httpStatus()).isEqualTo(400);
		assertThat(failure.message()).contains("externalId is invalid");
		assertThat(this.classifier.classify(new NullPointerException("bug")).kind())
			.isEqualTo(DeliveryFailure.Kind.PERMANENT);
	}

	@Test
	void transientDatabaseFailuresAnywhereInTheCauseChainAreDatabaseFailures() {
		List<Throwable> failures = List.of(new QueryTimeoutException("slow"),
				new RecoverableDataAccessException("failover"), new DataAccessResourceFailureException("down"),
				new CannotCreateTransactionException("no connection"),
				new RuntimeException(new SQLTransientConnectionException("pool timeout")),
				new RuntimeException(new SQLRecoverableException("reconnect")),
				new SQLNonTransientConnectionException("closed"),
				new RuntimeException("handler", new SQLException("terminating connection", "57P01")),
				new SQLException("connection failure", "08006"),
				rollbackFailedAfter(new SQLException("terminating connection", "57P01")));
		for (Throwable failure : failures) {
			assertThat(this.classifier.classify(failure).kind()).as(failure.toString())
				.isEqualTo(DeliveryFailure.Kind.DATABASE);
		}
		assertThat(this.classifier.classify(new SQLException("syntax error", "42601")).kind())
			.isEqualTo(DeliveryFailure.Kind.PERMANENT);
		assertThat(this.classifier.classify(new DuplicateKeyException("dup")).kind())
			.isEqualTo(DeliveryFailure.Kind.PERMANENT);
	}

	@Test
	void theClassifierAndTheClientShareOneRetryableStatusRule() {
		for (int status : new int[] { 0, 400, 404, 408, 409, 422, 500, 503 }) {
			// a PaidApiException whose own flag disagrees: the status rule decides
			DeliveryFailure failure = this.classifier.classify(new PaidApiException("HTTP " + status, status, null,
					null, null, !PaidApiException.isRetryableStatus(status), null, null));
			assertThat(failure.kind() == DeliveryFailure.Kind.RETRYABLE).as("status " + status)
				.isEqualTo(PaidApiException.isRetryableStatus(status));
		}
	}

	private static TransactionSystemException rollbackFailedAfter(Throwable original) {
		TransactionSystemException ex = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		ex.initApplicationException(original);
		return ex;
	}

	private static PaidApiException paid(int status, @Nullable Duration retryAfter) {
		return new PaidApiException("HTTP " + status, status, "externalId is invalid", null, null, status >= 500,
				retryAfter, null);
	}

}
