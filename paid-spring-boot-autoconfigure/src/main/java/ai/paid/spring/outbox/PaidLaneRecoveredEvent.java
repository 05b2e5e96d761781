package ai.paid.spring.outbox;

/**
 * Published when a row that had failed before (retries, or a parked lane that was retried) is finally accepted by
 * Paid.
 *
 * @param lane the lane that flows again
 * @param entityType the delivered row's entity type
 * @param entityId the delivered row's entity id
 */
public record PaidLaneRecoveredEvent(String lane, String entityType, String entityId) {

}
