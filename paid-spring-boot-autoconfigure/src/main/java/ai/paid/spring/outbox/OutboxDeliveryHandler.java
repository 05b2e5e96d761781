package ai.paid.spring.outbox;

import java.util.List;

import reactor.core.publisher.Flux;
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

	/**
	 * Most consecutive rows of one lane that {@link #deliverAll} takes at once; 1, the default, for one at a time.
	 * @return the largest group
	 */
	default int maxBatch() {
		return 1;
	}

	/**
	 * Delivers consecutive rows of one lane together, for a Paid route that takes many at once (a bulk POST); must
	 * not block. Emits one outcome per row, in the rows' order. An error signal applies to the first row without an
	 * outcome; completing with fewer outcomes than rows leaves the rest for later calls. The dispatcher records the
	 * rows up to the first one not delivered, as for {@link #deliver}.
	 * @param records up to {@link #maxBatch()} rows of this handler's entity type, in lane order
	 * @return the outcomes, in order
	 */
	default Flux<DeliveryOutcome> deliverAll(List<OutboxRecord> records) {
		return deliver(records.get(0)).defaultIfEmpty(DeliveryOutcome.delivered()).flux();
	}

}
