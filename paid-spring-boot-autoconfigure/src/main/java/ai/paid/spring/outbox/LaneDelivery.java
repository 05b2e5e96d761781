package ai.paid.spring.outbox;

// Why this class is long: one batch of a lane from send to outcome, one row or one group at a time, with the
// decisions on each answer in one place; it touches no database.

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * Sends one claimed batch of a lane, row after row, stopping at the first row not delivered, and hands the
 * {@link Result} to the dispatcher, which stores it. Nothing here touches the database.
 */
final class LaneDelivery {

	private static final Log logger = LogFactory.getLog(OutboxDispatcher.class);

	/**
	 * What a lane's deliveries share.
	 *
	 * @param handlers one handler per entity type
	 * @param deliveryTimeout longest time a handler may take for one row
	 * @param credentialsProbeInterval for the log line when Paid rejects the API key
	 * @param observer notified of deliveries and retries (parks are reported once stored)
	 * @param gate the dispatch gate and its circuit breaker
	 * @param failures decides what failures and deferrals do to the lane
	 * @param clock the database's clock, for the lag
	 * @param running whether the dispatcher is still running
	 * @param paidBack called when Paid accepts again after an outage or rejected credentials
	 * @param failureLog says what fails, once and at a bounded rate
	 * @param breakerOpenDuration longest wait between probes while the circuit breaker is open, for its log line
	 */
	record Context(Map<String, OutboxDeliveryHandler> handlers, Duration deliveryTimeout,
			Duration credentialsProbeInterval, OutboxObserver observer, DispatchGate gate, FailurePolicy failures,
			Clock clock, BooleanSupplier running, Runnable paidBack, DeliveryFailureLog failureLog,
			Duration breakerOpenDuration) {

		static Map<String, OutboxDeliveryHandler> byType(Collection<OutboxDeliveryHandler> handlers) {
			Map<String, OutboxDeliveryHandler> byType = new HashMap<>();
			for (OutboxDeliveryHandler handler : handlers) {
				OutboxDeliveryHandler previous = byType.put(handler.entityType(), handler);
				if (previous != null) {
					throw new IllegalStateException("Two OutboxDeliveryHandler beans deliver entity type '"
							+ handler.entityType() + "': " + previous.getClass().getName() + " and "
							+ handler.getClass().getName() + "; keep one");
				}
			}
			return Map.copyOf(byType);
		}

	}

	/**
	 * A parked lane, reported (logged, counted, published) only once the park is stored.
	 *
	 * @param record the head row
	 * @param meterOutcome the outcome tag
	 * @param event the event to publish
	 */
	record Park(OutboxRecord record, String meterOutcome, PaidLaneParkedEvent event) {

	}

	/**
	 * What to store and, once stored, to report.
	 *
	 * @param outcome what to record for the lane
	 * @param events events to publish once stored
	 * @param park the park to report once stored, or {@code null}
	 */
	record Result(LaneOutcome outcome, List<Object> events, @Nullable Park park) {

	}

	private static final DeliveryFailureClassifier classifier = new DeliveryFailureClassifier();

	private final Context context;

	private final ClaimedLane lane;

	private final List<PendingRow> rows;

	private final Consumer<Result> completion;

	private final List<PendingRow> delivered = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	private int index;

	/** End (exclusive) of the rows handed to the handler so far. */
	private int sentUntil;

	LaneDelivery(Context context, ClaimedLane lane, List<PendingRow> rows, Consumer<Result> completion) {
		this.context = context;
		this.lane = lane;
		this.rows = rows;
		this.completion = completion;
	}

	void next() {
		if (this.index == this.rows.size() || !this.context.running().getAsBoolean()) {
			complete(LaneOutcome.done(this.delivered, rest(this.index)), null);
			return;
		}
		PendingRow row = this.rows.get(this.index);
		OutboxDeliveryHandler handler = this.context.handlers().get(row.record().entityType());
		if (handler == null) {
			String reason = "No OutboxDeliveryHandler bean delivers entity type '" + row.record().entityType() + "'";
			park(row, new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, 0, reason, null), false, "no_handler",
					reason);
			return;
		}
		int group = groupSize(handler, row);
		if (group > 1) {
			deliverGroup(handler, group);
			return;
		}
		this.sentUntil = this.index + 1;
		Mono<DeliveryOutcome> delivery;
		try {
			delivery = handler.deliver(row.record());
		}
		catch (RuntimeException ex) {
			delivery = Mono.error(ex);
		}
		AtomicBoolean answered = new AtomicBoolean();
		delivery.timeout(this.context.deliveryTimeout())
			.defaultIfEmpty(DeliveryOutcome.delivered())
			.subscribe((outcome) -> answer(answered, () -> answered(row, outcome)),
					(error) -> answer(answered, () -> failed(row, error)));
	}

	/** How many rows from the current one, of the same entity type, go to the handler together. */
	private int groupSize(OutboxDeliveryHandler handler, PendingRow row) {
		int max = Math.min(handler.maxBatch(), this.rows.size() - this.index);
		int size = 1;
		while (size < max && this.rows.get(this.index + size).record().entityType().equals(row.record().entityType())) {
			size++;
		}
		return size;
	}

	private void deliverGroup(OutboxDeliveryHandler handler, int size) {
		List<PendingRow> group = List.copyOf(this.rows.subList(this.index, this.index + size));
		this.sentUntil = this.index + size;
		Flux<DeliveryOutcome> outcomes;
		try {
			outcomes = handler.deliverAll(group.stream().map(PendingRow::record).toList());
		}
		catch (RuntimeException ex) {
			outcomes = Flux.error(ex);
		}
		AtomicBoolean answered = new AtomicBoolean();
		outcomes.take(size)
			.timeout(this.context.deliveryTimeout())
			.materialize()
			.collectList()
			.subscribe((signals) -> answer(answered, () -> answeredGroup(group, signals)),
					(error) -> answer(answered, () -> failed(group.get(0), error)));
	}

	/** Records the group's outcomes in order, up to the first row not delivered. */
	private void answeredGroup(List<PendingRow> group, List<Signal<DeliveryOutcome>> signals) {
		int row = 0;
		for (Signal<DeliveryOutcome> signal : signals) {
			if (signal.isOnNext()) {
				DeliveryOutcome outcome = Objects.requireNonNull(signal.get());
				if (outcome.kind() != DeliveryOutcome.Kind.DELIVERED) {
					answered(group.get(row), outcome);
					return;
				}
				accept(group.get(row++));
			}
			else if (signal.isOnError() && row < group.size()) {
				failed(group.get(row), Objects.requireNonNull(signal.getThrowable()));
				return;
			}
		}
		next();
	}

	/** Handles a row's answer once, and never lets an exception escape into the handler's thread. */
	private void answer(AtomicBoolean answered, Runnable action) {
		if (!answered.compareAndSet(false, true)) {
			return;
		}
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.error("Paid outbox failed to handle the answer for lane " + this.lane.key()
					+ "; it is retried after its lease expires", ex);
		}
	}

	private void answered(PendingRow row, DeliveryOutcome outcome) {
		if (outcome.kind() == DeliveryOutcome.Kind.DELIVERED) {
			delivered(row);
			return;
		}
		FailurePolicy.Decision decision = this.context.failures().decide(row, outcome);
		DeliveryFailure failure = new DeliveryFailure(DeliveryFailure.Kind.HANDLER, 0,
				(outcome.reason() != null) ? outcome.reason() : outcome.kind().name(), null);
		// the handler's answer tells nothing about Paid's health: neither a success nor a failure for the breaker
		this.context.gate().inconclusive();
		settle(row, failure, decision);
	}

	private void delivered(PendingRow row) {
		accept(row);
		next();
	}

	/** Records a delivered row. */
	private void accept(PendingRow row) {
		Duration lag = Duration.between(row.updatedAt(), this.context.clock().instant());
		this.context.observer().delivered(row.record(), lag.isNegative() ? Duration.ZERO : lag);
		boolean closed = this.context.gate().delivered();
		if (closed) {
			this.context.failureLog().breakerClosed();
		}
		this.context.failureLog().delivered(this.lane.key());
		if (this.context.gate().credentialsAccepted()) {
			logger.info("Paid accepted the API key again; outbox dispatching resumed");
			closed = true;
		}
		if (closed) {
			this.context.paidBack().run();
		}
		if (row.hadError()) {
			this.events.add(new PaidLaneRecoveredEvent(this.lane.key(), row.record().entityType(),
					row.record().entityId()));
		}
		this.delivered.add(row);
		this.index++;
	}

	private void failed(PendingRow row, Throwable error) {
		DeliveryFailure failure = classifier.classify(error);
		if (failure.kind() == DeliveryFailure.Kind.DATABASE) {
			this.context.gate().inconclusive();
		}
		FailurePolicy.Decision decision = this.context.failures().decide(row, failure);
		if (decision.credentialsNews()) {
			logger.error("Paid rejected the API key (HTTP " + failure.httpStatus() + "): outbox dispatching is "
					+ "paused, no attempts are consumed; fix paid.api-key. Probing every "
					+ this.context.credentialsProbeInterval() + ". " + failure.message());
			this.events.add(new PaidCredentialsRejectedEvent(failure.httpStatus(), failure.message()));
		}
		if (failure.kind() == DeliveryFailure.Kind.RETRYABLE && this.context.gate().breakerOpen()) {
			this.context.failureLog().breakerOpened(failure, this.context.breakerOpenDuration());
		}
		settle(row, failure, decision);
	}

	private void settle(PendingRow row, DeliveryFailure failure, FailurePolicy.Decision decision) {
		if (decision.park()) {
			park(row, failure, true, decision.outcome(), decision.parkReason());
			return;
		}
		this.context.observer().retried(row.record(), decision.outcome());
		this.context.failureLog().retrying(this.lane.key(), row, failure, decision);
		complete(new LaneOutcome(this.delivered, notSent(), row, failure, decision.countFailure(),
				decision.reachedPaid(), decision.delay(), null), null);
	}

	private void park(PendingRow row, DeliveryFailure failure, boolean reachedPaid, String outcome,
			@Nullable String parkReason) {
		OutboxRecord record = row.record();
		String reason = (parkReason != null) ? parkReason : failure.message();
		PaidLaneParkedEvent event = new PaidLaneParkedEvent(this.lane.key(), record.entityType(), record.entityId(),
				record.operation(), reason, (failure.httpStatus() > 0) ? failure.httpStatus() : null);
		complete(new LaneOutcome(this.delivered, notSent(), row, failure, !"no_handler".equals(outcome),
				reachedPaid, null, reason), new Park(record, outcome, event));
	}

	/**
	 * The rows after the current one that were never sent. Rows sent in the same group as a failed one keep their
	 * started mark: the request may have reached Paid.
	 */
	private List<PendingRow> notSent() {
		return rest(Math.max(this.index + 1, this.sentUntil));
	}

	private List<PendingRow> rest(int from) {
		return (from >= this.rows.size()) ? List.of() : List.copyOf(this.rows.subList(from, this.rows.size()));
	}

	private void complete(LaneOutcome outcome, @Nullable Park park) {
		this.completion.accept(new Result(outcome, List.copyOf(this.events), park));
	}

}
