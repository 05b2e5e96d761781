package ai.paid.spring.outbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A change waiting in the outbox for delivery, as {@link OutboxQueries} reports it. Includes the heads and rows of
 * parked lanes: they are pending until delivered or skipped.
 *
 * @param id position in the outbox (lane order)
 * @param lane the lane it waits in
 * @param entityType the entity's type, e.g. {@code CONTACT}
 * @param entityId the entity's id within its type
 * @param operation upsert or delete
 * @param payload the latest JSON snapshot queued for the entity, {@code null} for payload-less deletes
 * @param attempts delivery attempts started so far
 * @param enqueuedAt when the first change of this row was written
 * @param lastError the last failed attempt's error, {@code null} if none failed
 * @param httpStatus Paid's HTTP status for the last error, {@code null} without a response or an error
 */
public record PendingChange(long id, String lane, String entityType, String entityId, OutboxOperation operation,
		@Nullable String payload, int attempts, Instant enqueuedAt, @Nullable String lastError,
		@Nullable Integer httpStatus) {

}
