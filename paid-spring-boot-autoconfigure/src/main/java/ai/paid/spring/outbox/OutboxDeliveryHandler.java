package ai.paid.spring.outbox;

import reactor.core.publisher.Mono;

/**
 * Delivers outbox rows of one entity type to Paid. The dispatcher completes the row when the returned {@link Mono}
 * completes, and classifies an error signal (a {@link ai.paid.spring.client.PaidApiException} or a transport error) to
 * decide between retry, rate-limit wait, credential pause and parking the lane.
 */
public interface OutboxDeliveryHandler {

	/** The {@link OutboxMessage#entityType()} this handler delivers. */
	String entityType();

	/** Delivers one row; must not block. */
	Mono<Void> deliver(OutboxRecord record);

}
