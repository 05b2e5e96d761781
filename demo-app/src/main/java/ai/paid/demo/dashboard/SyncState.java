package ai.paid.demo.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * Where one record stands with Paid.
 *
 * @param state {@code synced} (Paid has the latest committed state), {@code pending} (a change is queued or being
 * delivered), {@code parked} (its lane stopped on an error that needs a person) or {@code unknown}
 * @param paidId the id Paid gave the record, once it has one
 * @param error why the record is parked (Paid's message), or the last retryable failure while pending
 */
public record SyncState(String state, @Nullable String paidId, @Nullable String error) {

	static final String SYNCED = "synced";

	static final String PENDING = "pending";

	static final String PARKED = "parked";

	static final String UNKNOWN = "unknown";

	static SyncState synced(String paidId) {
		return new SyncState(SYNCED, paidId, null);
	}

	static SyncState pending(@Nullable String paidId, @Nullable String lastError) {
		return new SyncState(PENDING, paidId, lastError);
	}

	static SyncState parked(@Nullable String paidId, @Nullable String error) {
		return new SyncState(PARKED, paidId, error);
	}

	static SyncState unknown() {
		return new SyncState(UNKNOWN, null, null);
	}

}
