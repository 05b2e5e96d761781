package ai.paid.spring.outbox;

/**
 * What a queued change asks of Paid: make the entity look like the payload, or remove it.
 */
public enum OutboxOperation {

	UPSERT, DELETE

}
