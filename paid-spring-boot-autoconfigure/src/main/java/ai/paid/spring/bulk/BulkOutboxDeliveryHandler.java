package ai.paid.spring.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectReader;

import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxRecord;

/**
 * Delivers outbox rows of items (signals, costs) through their bulk route: rows the outbox delivers concurrently
 * (different lanes) share bulk POSTs, sent as soon as fewer than {@code maxInFlight} POSTs are out and otherwise
 * together with the rows that arrived meanwhile (at most {@code batchSize} per POST); the consecutive items of one
 * customer in a lane go together ({@link #deliverAll}).
 * <p>
 * Before sending an item of a customer named by your external id, the handler asks whether the customer is in Paid
 * yet; when it is not, the row waits ({@link DeliveryOutcome#waitFor}), consuming no attempt. Transport failures,
 * 5xx, 429 and rejected credentials go back to the outbox, which retries, waits or pauses; a malformed item is
 * isolated, logged, counted and completed ({@link BulkPost}), so that it never blocks its lane.
 *
 * @param <T> the item type
 */
public abstract class BulkOutboxDeliveryHandler<T> implements OutboxDeliveryHandler {

	private final String entityType;

	private final Function<String, Mono<? extends Readiness>> readiness;

	private final ObjectReader reader;

	private final BulkDelivery<T> delivery;

	private final Function<T, SignalCustomer> customerOf;

	private final int batchSize;

	/**
	 * Creates the handler.
	 * @param entityType the entity type of the rows
	 * @param reader reads an item from a row's payload
	 * @param post posts a batch; give it a client without transport retries, the outbox retries
	 * @param customerOf the customer of an item
	 * @param readiness whether a customer, by external id, is in Paid yet; empty means it is
	 * @param maxInFlight bulk POSTs in flight at once
	 * @param batchSize most rows per bulk POST
	 */
	protected BulkOutboxDeliveryHandler(String entityType, ObjectReader reader, BulkPost<T> post,
			Function<T, SignalCustomer> customerOf, Function<String, Mono<? extends Readiness>> readiness,
			int maxInFlight, int batchSize) {
		if (maxInFlight < 1 || batchSize < 1) {
			throw new IllegalArgumentException(
					"maxInFlight and batchSize must be positive, were " + maxInFlight + " and " + batchSize);
		}
		this.entityType = entityType;
		this.readiness = readiness;
		this.reader = reader;
		this.delivery = new BulkDelivery<>(post, maxInFlight, batchSize);
		this.customerOf = customerOf;
		this.batchSize = batchSize;
	}

	@Override
	public final String entityType() {
		return this.entityType;
	}

	@Override
	public final Mono<DeliveryOutcome> deliver(OutboxRecord record) {
		return Mono.fromCallable(() -> read(record))
			.flatMap((item) -> waitForCustomer(item)
				.switchIfEmpty(this.delivery.deliverAll(List.of(item)).then(Mono.empty())));
	}

	@Override
	public final int maxBatch() {
		return this.batchSize;
	}

	/**
	 * Sends a lane's consecutive items of one customer in one bulk POST (with other lanes' rows when there is room).
	 * A row whose payload cannot be read ends the group before it, so that its error is its own.
	 */
	@Override
	public final Flux<DeliveryOutcome> deliverAll(List<OutboxRecord> records) {
		return Flux.defer(() -> {
			List<T> items = new ArrayList<>();
			for (OutboxRecord record : records) {
				T item;
				try {
					item = read(record);
				}
				catch (RuntimeException ex) {
					if (items.isEmpty()) {
						return Flux.error(ex);
					}
					break;
				}
				if (!items.isEmpty()
						&& !Objects.equals(this.customerOf.apply(item), this.customerOf.apply(items.get(0)))) {
					break;
				}
				items.add(item);
			}
			return waitForCustomer(items.get(0)).flux().switchIfEmpty(this.delivery.deliverAll(items));
		});
	}

	private Mono<DeliveryOutcome> waitForCustomer(T item) {
		String externalCustomerId = this.customerOf.apply(item).externalCustomerId();
		if (externalCustomerId == null) {
			return Mono.empty();
		}
		String what = this.entityType.charAt(0) + this.entityType.substring(1).toLowerCase(Locale.ROOT);
		return this.readiness.apply(externalCustomerId)
			.filter((readiness) -> !readiness.ready())
			.map((readiness) -> DeliveryOutcome.waitFor(Objects.requireNonNull(readiness.retryAfter()),
					what + " waits for its customer: " + readiness.reason()));
	}

	private T read(OutboxRecord record) {
		if (record.payload() == null) {
			throw new IllegalStateException(
					"Outbox row " + record.id() + " of type " + this.entityType + " has no payload");
		}
		return this.reader.readValue(record.payload());
	}

	/** Whether an item's customer is in Paid yet: {@code SignalCustomerReadiness.Readiness}. */
	public interface Readiness {

		/**
		 * Whether to send now.
		 * @return whether the customer is ready
		 */
		boolean ready();

		/**
		 * When not ready, how long to wait before asking again.
		 * @return the delay
		 */
		@Nullable Duration retryAfter();

		/**
		 * When not ready, what the item waits for.
		 * @return the reason
		 */
		@Nullable String reason();

	}

}
