package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Works one claimed lane through its batches: reads and marks the head rows, lets a {@link LaneDelivery} send them,
 * records the outcome with the {@link LaneCompleter} (together with other lanes that finish meanwhile), and reports it (events, the park log line) only once it is
 * stored. When the database fails transiently the lane stays held (the heartbeat keeps its lease) and the same
 * database work is retried with a short backoff, so that what Paid already accepted is recorded rather than sent
 * again; any other failure gives the lane up to its lease.
 */
final class LaneRunner {

	private static final Log logger = LogFactory.getLog(OutboxDispatcher.class);

	private static final Duration MAX_DATABASE_RETRY = Duration.ofSeconds(5);

	/** What the runner needs from the dispatcher. */
	interface Host {

		boolean running();

		/** Runs database work on the dispatcher's pool. */
		void execute(Runnable task);

		/** Runs a task on the dispatcher's timer after a delay. */
		void schedule(Duration delay, Runnable task);

		/** Whether a lane that delivered its whole batch may keep its lease for the next one. */
		boolean flowing();

		/**
		 * The lane is no longer held.
		 * @param lane the lane
		 * @param wakeIn claim it again after this delay, or {@code null} for only when it is next claimable
		 */
		void released(ClaimedLane lane, @Nullable Duration wakeIn);

	}

	private final LaneReader reader;

	private final LaneCompletions completions;

	private final LaneDelivery.Context context;

	private final OutboxDispatcherSettings settings;

	private final OutboxObserver observer;

	private final ApplicationEventPublisher events;

	private final DatabaseOutageLog outage;

	private final Host host;

	LaneRunner(LaneReader reader, LaneCompleter completer, LaneDelivery.Context context,
			OutboxDispatcherSettings settings, OutboxObserver observer, ApplicationEventPublisher events,
			DatabaseOutageLog outage, Host host) {
		this.reader = reader;
		this.completions = new LaneCompletions(completer, host::execute, settings.leaseDuration().toMillis());
		this.context = context;
		this.settings = settings;
		this.observer = observer;
		this.events = events;
		this.outage = outage;
		this.host = host;
	}

	void deliver(LaneClaimer.Claim claim, int batch) {
		List<PendingRow> head = claim.head();
		if (head != null) {
			deliver(claim.lane(), batch, head);
		}
		else {
			deliver(claim.lane(), batch, 0);
		}
	}

	private void deliver(ClaimedLane lane, int batch, int databaseFailures) {
		List<PendingRow> rows;
		try {
			rows = this.reader.startHead(lane.key(), batch);
		}
		catch (RuntimeException ex) {
			if (!retryLater(ex, "reading lane " + lane.key(), databaseFailures,
					() -> deliver(lane, batch, databaseFailures + 1))) {
				release(lane, ex);
			}
			return;
		}
		this.outage.succeeded();
		deliver(lane, batch, rows);
	}

	/** Delivers the head rows read (and marked started) for the lane. */
	private void deliver(ClaimedLane lane, int batch, List<PendingRow> rows) {
		boolean readWholeLane = rows.size() < batch;
		if (rows.isEmpty()) {
			finish(lane, new LaneDelivery.Result(LaneOutcome.done(List.of(), List.of()), List.of(), null), true, 0);
			return;
		}
		new LaneDelivery(this.context, lane, rows,
				(result) -> finish(lane, result, readWholeLane, 0))
			.next();
	}

	private void finish(ClaimedLane lane, LaneDelivery.Result delivery, boolean readWholeLane, int databaseFailures) {
		LaneOutcome outcome = delivery.outcome();
		boolean keep = this.host.running() && outcome.failure() == null && this.host.flowing();
		this.completions.submit(new LaneCompleter.Completion(lane, outcome, keep, readWholeLane),
				(result, failure) -> {
					if (failure != null || result == null) {
						RuntimeException ex = (failure != null) ? failure
								: new IllegalStateException("no completion result");
						if (!retryLater(ex, "recording the outcome of lane " + lane.key(), databaseFailures,
								() -> finish(lane, delivery, readWholeLane, databaseFailures + 1))) {
							release(lane, ex);
						}
						return;
					}
					completed(lane, delivery, result);
				});
	}

	private void completed(ClaimedLane lane, LaneDelivery.Result delivery, LaneCompleter.Result result) {
		this.outage.succeeded();
		if (result == LaneCompleter.Result.LEASE_LOST) {
			logger.warn("Paid outbox lane " + lane.key() + " was claimed by another instance after our lease expired;"
					+ " its outcome was not recorded here");
		}
		else {
			report(lane, delivery);
		}
		if (result == LaneCompleter.Result.CONTINUE) {
			this.host.execute(() -> deliver(lane, this.settings.batchSize(), 0));
			return;
		}
		LaneOutcome outcome = delivery.outcome();
		Duration delay = outcome.delay();
		boolean wake = result == LaneCompleter.Result.RELEASED && outcome.parkReason() == null && delay != null;
		this.host.released(lane, wake ? delay : null);
	}

	/** Reports what was stored: events, and a park only now that it is recorded. */
	private void report(ClaimedLane lane, LaneDelivery.Result delivery) {
		LaneDelivery.Park park = delivery.park();
		if (park != null) {
			OutboxRecord record = park.record();
			this.observer.parked(record, park.meterOutcome());
			this.context.failureLog().parked(lane.key(), record, park.event());
		}
		delivery.events().forEach(this.events::publishEvent);
		if (park != null) {
			this.events.publishEvent(park.event());
		}
	}

	/**
	 * Retries the lane's database work later when the database failed transiently.
	 * @return whether a retry was scheduled
	 */
	private boolean retryLater(RuntimeException ex, String what, int failures, Runnable retry) {
		if (!this.host.running() || !DeliveryFailureClassifier.isTransientDatabaseFailure(ex)) {
			return false;
		}
		this.outage.failed(what, ex);
		long millis = Math.min(MAX_DATABASE_RETRY.toMillis(), 100L << Math.min(failures, 10));
		this.host.schedule(Duration.ofMillis(millis), () -> this.host.execute(retry));
		return true;
	}

	/** Gives a lane up to its lease: a claim (ours or another instance's) retries it once it expires. */
	private void release(ClaimedLane lane, RuntimeException ex) {
		if (this.host.running()) {
			if (DeliveryFailureClassifier.isTransientDatabaseFailure(ex)) {
				this.outage.failed("working on lane " + lane.key(), ex);
			}
			else {
				logger.warn("Paid outbox could not work on lane " + lane.key()
						+ "; it is retried after its lease expires", ex);
			}
		}
		this.host.released(lane, this.settings.leaseDuration());
	}

}
