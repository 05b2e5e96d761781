package ai.paid.spring.outbox;

import java.time.Instant;

/**
 * A pending outbox row as read by the dispatcher.
 *
 * @param record what the handler gets
 * @param rowVersion bumped by every coalesced write; completion deletes the row only if unchanged
 * @param failures failed attempts that counted against the retry budget
 * @param updatedAt commit time of the row's latest change, for the lag timer
 * @param hadError whether an earlier attempt failed (its success then recovers the lane)
 */
record PendingRow(OutboxRecord record, int rowVersion, int failures, Instant updatedAt, boolean hadError) {

	long id() {
		return this.record.id();
	}

}
