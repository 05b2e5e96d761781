package ai.paid.spring.outbox;

/**
 * Queues changes for Paid in the caller's transaction. Nothing is delivered unless that transaction commits; once it
 * commits, delivery is retried until Paid accepts the change or its lane is parked.
 */
public interface PaidOutbox {

	/**
	 * Writes the message to the outbox on the current transaction's connection.
	 * @param message the change to queue
	 * @throws IllegalStateException when no transaction is active and the outbox is not configured to open its own
	 */
	void enqueue(OutboxMessage message);

}
