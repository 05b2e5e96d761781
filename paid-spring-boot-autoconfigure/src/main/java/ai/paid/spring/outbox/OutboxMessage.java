package ai.paid.spring.outbox;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A change to queue for Paid.
 *
 * @param lane ordering key, normally {@code cust:<customer external id>}; messages of one lane reach Paid in commit
 * order, lanes are independent of each other
 * @param entityType what the payload is, e.g. {@code CUSTOMER}, {@code CONTACT}, {@code ORDER}, {@code SIGNAL}; selects
 * the {@link OutboxDeliveryHandler}
 * @param entityId identity of the entity within its type; a later pending message for the same type and id replaces
 * the earlier one's payload (coalescing), and moves the pending change to the later message's lane if it names
 * another one
 * @param operation upsert or delete
 * @param payload JSON snapshot to deliver, {@code null} for deletes that need none
 * @param priority how soon the dispatcher should claim the lane, relative to other lanes
 */
public record OutboxMessage(String lane, String entityType, String entityId, OutboxOperation operation,
		@Nullable String payload, Priority priority) {

	/**
	 * Create a message.
	 */
	public OutboxMessage {
		Assert.notNull(priority, "'priority' must not be null");
	}

	/**
	 * Create a message of {@link Priority#NORMAL} priority.
	 * @param lane ordering key
	 * @param entityType what the payload is
	 * @param entityId identity of the entity within its type
	 * @param operation upsert or delete
	 * @param payload JSON snapshot to deliver, {@code null} for deletes that need none
	 */
	public OutboxMessage(String lane, String entityType, String entityId, OutboxOperation operation,
			@Nullable String payload) {
		this(lane, entityType, entityId, operation, payload, Priority.NORMAL);
	}

	/**
	 * How the dispatcher orders a lane's claim among the ready lanes. Lanes are claimed oldest pending first; the
	 * priority decides what "pending since" a lane gets. Order within a lane is always enqueue order.
	 */
	public enum Priority {

		/**
		 * Live work: the lane is claimed in the order it became pending. Enqueuing it on a lane that only background
		 * work made pending gives that lane normal priority again.
		 */
		NORMAL,

		/**
		 * Bulk work such as a backfill: a lane that becomes pending only through background messages is claimed after
		 * every lane that live work made pending (its pending time is set a day ahead). A lane already pending keeps
		 * its place.
		 */
		BACKGROUND

	}

}
