package ai.paid.spring.sync;

/**
 * A change cannot be queued for Paid because the entity's data is incomplete (e.g. a {@code null} external id, or a
 * contact without a customer). Thrown in the saving transaction, which then does not commit.
 */
public class PaidSyncDataException extends RuntimeException {

	public PaidSyncDataException(String message) {
		super(message);
	}

}
