package ai.paid.spring.outbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A queued change handed to an {@link OutboxDeliveryHandler}.
 *
 * @param id position in the outbox (lane order)
 * @param lane the lane it belongs to
 * @param entityType the type the handler was chosen by
 * @param entityId identity within the type
 * @param operation upsert or delete
 * @param payload the latest committed JSON snapshot, {@code null} for payload-less deletes
 * @param attempts delivery attempts already started for this row before this one (including those that ended in a
 * {@link DeliveryOutcome#waitFor wait}); more than zero means an earlier
 * attempt may have reached Paid without its outcome being recorded (timeout, crash), so non-idempotent creates must
 * look before they write again
 * @param enqueuedAt when the first pending change for this row committed
 */
public record OutboxRecord(long id, String lane, String entityType, String entityId, OutboxOperation operation,
		@Nullable String payload, int attempts, Instant enqueuedAt) {

}
