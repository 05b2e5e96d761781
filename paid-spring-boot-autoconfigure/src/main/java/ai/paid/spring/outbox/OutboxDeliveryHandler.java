package ai.paid.spring.outbox;

import reactor.core.publisher.Mono;

/**
 * Delivers outbox rows of one entity type to Paid. The dispatcher records the {@link DeliveryOutcome} the returned
 * {@link Mono} emits (empty means {@link DeliveryOutcome#delivered()}). An error signal means the attempt failed: the
 * dispatcher classifies it (a {@link ai.paid.spring.client.PaidApiException}, a transport error or a database error)
 * to decide between retry, rate-limit wait, credential pause and parking the lane. A handler that knows better (a
 * dependency not there yet, a row that can never succeed) says so with a {@link DeliveryOutcome} instead.
 */
public interface OutboxDeliveryHandler {

	/**
	 * The {@link OutboxMessage#entityType()} this handler delivers.
	 * @return the entity type
	 */
	String entityType();

	/**
	 * Delivers one row; must not block.
	 * @param record the row
	 * @return what became of it; empty for delivered
	 */
	Mono<DeliveryOutcome> deliver(OutboxRecord record);

}
