package ai.paid.spring.outbox;

import org.jspecify.annotations.Nullable;

/**
 * A change to queue for Paid.
 *
 * @param lane ordering key, normally {@code cust:<customer external id>}; messages of one lane reach Paid in commit
 * order, lanes are independent of each other
 * @param entityType what the payload is, e.g. {@code CUSTOMER}, {@code CONTACT}, {@code ORDER}, {@code SIGNAL}; selects
 * the {@link OutboxDeliveryHandler}
 * @param entityId identity of the entity within its type; a later pending message for the same type and id replaces
 * the earlier one's payload (coalescing)
 * @param operation upsert or delete
 * @param payload JSON snapshot to deliver, {@code null} for deletes that need none
 */
public record OutboxMessage(String lane, String entityType, String entityId, OutboxOperation operation,
		@Nullable String payload) {

}
