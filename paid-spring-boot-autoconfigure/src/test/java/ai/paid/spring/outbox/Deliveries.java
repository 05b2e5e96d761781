package ai.paid.spring.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * Test {@link OutboxDeliveryHandler}s that record what reached "Paid" and can be scripted to fail. One instance can
 * serve several application contexts (dispatchers) at once.
 */
final class Deliveries {

	private final List<OutboxRecord> delivered = new CopyOnWriteArrayList<>();

	private final List<OutboxRecord> calls = new CopyOnWriteArrayList<>();

	private final Map<String, List<OutboxRecord>> byLane = new ConcurrentHashMap<>();

	private volatile Function<OutboxRecord, Mono<DeliveryOutcome>> behaviour = (record) -> Mono.empty();

	/** Scripts the handlers: complete for delivered, an error for a failure. */
	void behave(Function<OutboxRecord, Mono<Void>> behaviour) {
		this.behaviour = (record) -> behaviour.apply(record).then(Mono.empty());
	}

	/** Scripts the handlers with explicit outcomes (empty for delivered). */
	void answer(Function<OutboxRecord, Mono<DeliveryOutcome>> behaviour) {
		this.behaviour = behaviour;
	}

	OutboxDeliveryHandler handler(String type) {
		return new OutboxDeliveryHandler() {

			@Override
			public String entityType() {
				return type;
			}

			@Override
			public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
				return Mono.defer(() -> {
					Deliveries.this.calls.add(record);
					return Deliveries.this.behaviour.apply(record);
				}).doOnSuccess((outcome) -> {
					if (outcome != null && outcome.kind() != DeliveryOutcome.Kind.DELIVERED) {
						return;
					}
					Deliveries.this.delivered.add(record);
					Deliveries.this.byLane.computeIfAbsent(record.lane(), (lane) -> new CopyOnWriteArrayList<>())
						.add(record);
				});
			}

		};
	}

	List<OutboxRecord> delivered() {
		return new ArrayList<>(this.delivered);
	}

	List<OutboxRecord> calls() {
		return new ArrayList<>(this.calls);
	}

	List<OutboxRecord> lane(String lane) {
		return new ArrayList<>(this.byLane.getOrDefault(lane, List.of()));
	}

	Map<String, List<OutboxRecord>> byLane() {
		return this.byLane;
	}

	List<String> payloads(String lane) {
		return lane(lane).stream().map(OutboxRecord::payload).toList();
	}

}
