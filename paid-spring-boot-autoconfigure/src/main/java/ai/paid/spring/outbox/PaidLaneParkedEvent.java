package ai.paid.spring.outbox;

import org.jspecify.annotations.Nullable;

/**
 * Published when a lane stops because of its head row: Paid rejected it, its attempts or age ran out, or no handler
 * exists for its type. The lane's later rows wait until it is retried or its head skipped through
 * {@link OutboxAdmin}; other lanes keep flowing.
 *
 * @param lane the parked lane
 * @param entityType the head row's entity type
 * @param entityId the head row's entity id
 * @param operation the head row's operation
 * @param reason why the lane was parked (Paid's error, or the exhausted limit)
 * @param httpStatus Paid's HTTP status, {@code null} when there was no response
 */
public record PaidLaneParkedEvent(String lane, String entityType, String entityId, OutboxOperation operation,
		String reason, @Nullable Integer httpStatus) {

}
