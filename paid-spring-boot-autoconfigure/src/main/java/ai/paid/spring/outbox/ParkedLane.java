package ai.paid.spring.outbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A lane stopped at its head row.
 *
 * @param lane the lane key
 * @param parkedAt when it was parked
 * @param reason why
 * @param headId the head row's id, {@code null} if the lane has no pending row any more
 * @param entityType the head row's entity type
 * @param entityId the head row's entity id
 * @param operation the head row's operation
 * @param attempts delivery attempts started for the head row
 * @param lastError the head row's last error
 * @param httpStatus Paid's HTTP status for the last error, {@code null} when there was no response
 * @param pendingRows rows waiting in the lane, head included
 */
public record ParkedLane(String lane, Instant parkedAt, @Nullable String reason, @Nullable Long headId,
		@Nullable String entityType, @Nullable String entityId, @Nullable OutboxOperation operation, int attempts,
		@Nullable String lastError, @Nullable Integer httpStatus, long pendingRows) {

}
