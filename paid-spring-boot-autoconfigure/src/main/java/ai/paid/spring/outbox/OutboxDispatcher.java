package ai.paid.spring.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers committed outbox rows to Paid: claims ready lanes (after-commit wake-ups for the lanes this instance just
 * wrote, plus a polling fallback), sends each lane's rows in order through the {@link OutboxDeliveryHandler} of their
 * type, and records the outcome. Database work runs in short transactions on a small dedicated thread pool; no
 * transaction or row lock is held while a handler talks to Paid. Many lanes are in flight at once, a lane's rows one
 * after another.
 */
public final class OutboxDispatcher implements SmartLifecycle, Consumer<Set<String>> {

	private static final Log logger = LogFactory.getLog(OutboxDispatcher.class);

	/**
	 * Dispatcher tuning, normally bound from {@code paid.outbox.*}.
	 *
	 * @param pollInterval how often to look for ready lanes besides after-commit wake-ups
	 * @param leaseDuration how long a claimed lane stays reserved without a heartbeat
	 * @param maxConcurrentLanes lanes in flight at once
	 * @param batchSize rows read from a lane per round
	 * @param databaseThreads threads for the dispatcher's database work
	 * @param initialBackoff backoff ceiling after the first retryable failure
	 * @param maxBackoff backoff ceiling
	 * @param maxAttempts failures after which a lane is parked
	 * @param maxAge age of a failing row after which its lane is parked
	 * @param breakerWindow deliveries the circuit breaker looks at
	 * @param breakerMinimumCalls deliveries needed before the breaker may open
	 * @param breakerFailureThreshold share of failures that opens the breaker
	 * @param breakerOpenDuration time between probes while open
	 * @param credentialsProbeInterval time between probes while credentials are rejected
	 * @param deliveryTimeout longest time a handler may take for one row
	 * @param shutdownTimeout how long stopping waits for deliveries in flight
	 */
	public record Settings(Duration pollInterval, Duration leaseDuration, int maxConcurrentLanes, int batchSize,
			int databaseThreads, Duration initialBackoff, Duration maxBackoff, int maxAttempts, Duration maxAge,
			int breakerWindow, int breakerMinimumCalls, double breakerFailureThreshold, Duration breakerOpenDuration,
			Duration credentialsProbeInterval, Duration deliveryTimeout, Duration shutdownTimeout) {

		/**
		 * Settings with the documented defaults.
		 * @return the defaults
		 */
		public static Settings defaults() {
			return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(30), 64, 20, 4, Duration.ofSeconds(1),
					Duration.ofMinutes(10), 12, Duration.ofHours(24), 20, 10, 0.5, Duration.ofSeconds(30),
					Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofSeconds(10));
		}

	}

	private final Settings settings;

	private final String owner = "paid-" + UUID.randomUUID().toString().substring(0, 13);

	private final LaneClaimer claimer;

	private final LaneReader reader;

	private final LaneCompleter completer;

	private final DeliveryFailureClassifier classifier = new DeliveryFailureClassifier();

	private final DispatchGate gate;

	private final FailurePolicy failures;

	private final Map<String, OutboxDeliveryHandler> handlers;

	private final OutboxObserver observer;

	private final ApplicationEventPublisher events;

	private final Object lifecycleMonitor = new Object();

	private final Object claimMonitor = new Object();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Map<String, ClaimedLane> active = new ConcurrentHashMap<>();

	private final Set<String> wakeLanes = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean generalClaimPending = new AtomicBoolean();

	private final AtomicBoolean claimQueued = new AtomicBoolean();

	private volatile boolean running;

	private volatile @Nullable ScheduledExecutorService scheduler;

	private volatile @Nullable ThreadPoolExecutor database;

	/**
	 * Create a dispatcher.
	 * @param dataSource the application's data source holding the outbox tables
	 * @param handlers one handler per entity type
	 * @param settings tuning
	 * @param observer notified of deliveries, retries and parking
	 * @param events receives {@link PaidLaneParkedEvent}, {@link PaidLaneRecoveredEvent} and
	 * {@link PaidCredentialsRejectedEvent}
	 */
	public OutboxDispatcher(DataSource dataSource, Collection<OutboxDeliveryHandler> handlers, Settings settings,
			OutboxObserver observer, ApplicationEventPublisher events) {
		this.settings = settings;
		OutboxDialect dialect = OutboxDialect.of(dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		if (!dialect.readCommittedByDefault()) {
			// InnoDB's REPEATABLE READ would lock every index record the claim scans, not only the lanes it takes
			transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		}
		this.claimer = new LaneClaimer(jdbc, transaction, dialect, this.owner, settings.leaseDuration());
		this.reader = new LaneReader(jdbc, dialect);
		this.completer = new LaneCompleter(jdbc, transaction, dialect);
		CircuitBreaker breaker = new CircuitBreaker(settings.breakerWindow(), settings.breakerMinimumCalls(),
				settings.breakerFailureThreshold(), settings.breakerOpenDuration(), Clock.systemUTC());
		this.gate = new DispatchGate(breaker, settings.credentialsProbeInterval(), Clock.systemUTC());
		this.failures = new FailurePolicy(this.gate, new BackoffPolicy(settings.initialBackoff(), settings.maxBackoff()),
				settings.maxAttempts(), settings.maxAge());
		this.handlers = byType(handlers);
		this.observer = observer;
		this.events = events;
	}

	private static Map<String, OutboxDeliveryHandler> byType(Collection<OutboxDeliveryHandler> handlers) {
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

	/**
	 * Wakes the dispatcher for lanes that just committed new rows.
	 * @param lanes the lanes written
	 */
	@Override
	public void accept(Set<String> lanes) {
		this.wakeLanes.addAll(lanes);
		requestClaim();
	}

	/** Stops claiming lanes; deliveries in flight finish. */
	public void pause() {
		this.gate.pause();
		logger.info("Paid outbox dispatching paused");
	}

	/** Resumes claiming after {@link #pause()}. */
	public void resume() {
		this.gate.resume();
		logger.info("Paid outbox dispatching resumed");
		this.generalClaimPending.set(true);
		requestClaim();
	}

	/**
	 * Whether and why dispatching is held back.
	 * @return the status
	 */
	public DispatchStatus status() {
		return this.gate.status(this.running);
	}

	/**
	 * Lanes this instance is delivering right now.
	 * @return the number of lanes in flight
	 */
	public int lanesInFlight() {
		return this.inFlight.get();
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.database = new ThreadPoolExecutor(this.settings.databaseThreads(), this.settings.databaseThreads(), 60,
					TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new CustomizableThreadFactory("paid-outbox-db-"));
			ScheduledExecutorService scheduler = Executors
				.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("paid-outbox-timer-"));
			this.scheduler = scheduler;
			this.running = true;
			long poll = Math.max(10, this.settings.pollInterval().toMillis());
			scheduler.scheduleWithFixedDelay(this::poll, 0, poll, TimeUnit.MILLISECONDS);
			long heartbeat = Math.max(10, this.settings.leaseDuration().toMillis() / 3);
			scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
			logger.debug("Paid outbox dispatcher " + this.owner + " started for entity types "
					+ this.handlers.keySet());
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			ScheduledExecutorService scheduler = this.scheduler;
			if (scheduler != null) {
				scheduler.shutdownNow();
			}
			long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
			while (this.inFlight.get() > 0 && System.nanoTime() < deadline) {
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			if (this.inFlight.get() > 0) {
				// Their outcome is unknown: leave the leases to expire so that another instance retries them,
				// with attempts > 0 telling the handler an earlier attempt may have reached Paid.
				logger.warn("Paid outbox dispatcher stopped with " + this.inFlight.get()
						+ " lane(s) still in flight; they are retried once their lease expires");
			}
			ThreadPoolExecutor database = this.database;
			if (database != null) {
				database.shutdownNow();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void poll() {
		this.generalClaimPending.set(true);
		requestClaim();
	}

	private void heartbeat() {
		if (this.active.isEmpty()) {
			return;
		}
		execute(() -> {
			for (ClaimedLane lost : this.claimer.extend(this.active.values())) {
				if (!lost.equals(this.active.get(lost.key()))) {
					continue; // released while we were extending
				}
				logger.warn("Paid outbox lost the lease of lane " + lost.key()
						+ " while delivering; another instance owns it now");
			}
		});
	}

	private void requestClaim() {
		if (this.running && this.claimQueued.compareAndSet(false, true)) {
			execute(() -> {
				this.claimQueued.set(false);
				claim();
			});
		}
	}

	private void claim() {
		synchronized (this.claimMonitor) {
			if (!this.running) {
				return;
			}
			DispatchGate.Admission admission = this.gate.admit(this.inFlight.get() == 0);
			if (!admission.allowed()) {
				if (admission.retryIn() != null) {
					wakeLater(admission.retryIn());
				}
				return;
			}
			boolean probe = admission.probe();
			int capacity = probe ? 1 : this.settings.maxConcurrentLanes() - this.inFlight.get();
			List<ClaimedLane> claimed = new ArrayList<>();
			if (!this.wakeLanes.isEmpty() && capacity > 0) {
				List<String> targets = new ArrayList<>(this.wakeLanes);
				this.wakeLanes.removeAll(targets);
				claimed.addAll(this.claimer.claim(targets, capacity));
			}
			int left = capacity - claimed.size();
			boolean worthIt = left >= Math.max(1, this.settings.maxConcurrentLanes() / 8) || this.inFlight.get() == 0;
			if (left > 0 && worthIt && this.generalClaimPending.getAndSet(false)) {
				List<ClaimedLane> more = this.claimer.claim(null, left);
				if (more.size() == left) {
					// probably more ready lanes: claim again as soon as capacity frees up
					this.generalClaimPending.set(true);
				}
				claimed.addAll(more);
			}
			if (probe && claimed.isEmpty()) {
				this.gate.probeFoundNothing();
			}
			int batch = probe ? 1 : this.settings.batchSize();
			for (ClaimedLane lane : claimed) {
				this.inFlight.incrementAndGet();
				this.active.put(lane.key(), lane);
				execute(() -> deliver(lane, batch));
			}
		}
	}

	private void deliver(ClaimedLane lane, int batch) {
		try {
			List<PendingRow> rows = this.reader.startHead(lane.key(), batch);
			if (rows.isEmpty()) {
				finish(lane, LaneOutcome.done(List.of(), List.of()), List.of());
				return;
			}
			new LaneDelivery(lane, rows).next();
		}
		catch (RuntimeException ex) {
			abandon(lane, ex);
		}
	}

	private void abandon(ClaimedLane lane, Exception ex) {
		if (this.running) {
			logger.warn("Paid outbox could not work on lane " + lane.key() + "; it is retried after its lease expires",
					ex);
		}
		this.active.remove(lane.key());
		this.inFlight.decrementAndGet();
		wakeLater(this.settings.leaseDuration());
	}

	private void finish(ClaimedLane lane, LaneOutcome outcome, List<Object> events) {
		boolean keep = this.running && outcome.failure() == null && this.gate.flowing();
		LaneCompleter.Result result;
		try {
			result = this.completer.complete(lane, outcome, keep, this.settings.leaseDuration().toMillis());
		}
		catch (RuntimeException ex) {
			abandon(lane, ex);
			return;
		}
		if (result == LaneCompleter.Result.LEASE_LOST) {
			logger.warn("Paid outbox lane " + lane.key() + " was claimed by another instance after our lease expired;"
					+ " its outcome was not recorded here");
		}
		else {
			events.forEach(this.events::publishEvent);
		}
		if (result == LaneCompleter.Result.CONTINUE) {
			execute(() -> deliver(lane, this.settings.batchSize()));
			return;
		}
		this.active.remove(lane.key());
		this.inFlight.decrementAndGet();
		Duration delay = outcome.delay();
		if (result == LaneCompleter.Result.RELEASED && outcome.parkReason() == null && delay != null) {
			wakeLater(delay, lane.key());
		}
		requestClaim();
	}

	private void wakeLater(Duration delay, String... lanes) {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler == null || !this.running) {
			return;
		}
		Set<String> keys = Set.of(lanes);
		try {
			scheduler.schedule(() -> {
				if (keys.isEmpty()) {
					this.generalClaimPending.set(true);
				}
				accept(keys);
			}, Math.max(1, delay.toMillis() + 1), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// stopping
		}
	}

	private void execute(Runnable task) {
		ThreadPoolExecutor database = this.database;
		if (database == null) {
			return;
		}
		try {
			database.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// stopping: leases of unfinished lanes expire and another instance takes over
		}
	}

	/** Sends one claimed batch of a lane, row after row, stopping at the first failure. */
	private final class LaneDelivery {

		private final ClaimedLane lane;

		private final List<PendingRow> rows;

		private final List<PendingRow> delivered = new ArrayList<>();

		private final List<Object> events = new ArrayList<>();

		private int index;

		LaneDelivery(ClaimedLane lane, List<PendingRow> rows) {
			this.lane = lane;
			this.rows = rows;
		}

		void next() {
			if (this.index == this.rows.size() || !OutboxDispatcher.this.running) {
				complete(LaneOutcome.done(this.delivered, rest(this.index)));
				return;
			}
			PendingRow row = this.rows.get(this.index);
			OutboxDeliveryHandler handler = OutboxDispatcher.this.handlers.get(row.record().entityType());
			if (handler == null) {
				String reason = "No OutboxDeliveryHandler bean delivers entity type '" + row.record().entityType()
						+ "'";
				park(row, new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, 0, reason, null), false, "no_handler",
						reason);
				return;
			}
			Mono<Void> delivery;
			try {
				delivery = handler.deliver(row.record());
			}
			catch (RuntimeException ex) {
				delivery = Mono.error(ex);
			}
			delivery.timeout(OutboxDispatcher.this.settings.deliveryTimeout())
				.subscribe(null, (error) -> failed(row, error), () -> delivered(row));
		}

		private void delivered(PendingRow row) {
			OutboxDispatcher dispatcher = OutboxDispatcher.this;
			Duration lag = Duration.between(row.updatedAt(), Instant.now());
			dispatcher.observer.delivered(row.record(), lag.isNegative() ? Duration.ZERO : lag);
			dispatcher.gate.delivered();
			if (dispatcher.gate.credentialsAccepted()) {
				logger.info("Paid accepted the API key again; outbox dispatching resumed");
				dispatcher.generalClaimPending.set(true);
			}
			if (row.hadError()) {
				this.events.add(new PaidLaneRecoveredEvent(this.lane.key(), row.record().entityType(),
						row.record().entityId()));
			}
			this.delivered.add(row);
			this.index++;
			next();
		}

		private void failed(PendingRow row, Throwable error) {
			OutboxDispatcher dispatcher = OutboxDispatcher.this;
			DeliveryFailure failure = dispatcher.classifier.classify(error);
			FailurePolicy.Decision decision = dispatcher.failures.decide(row, failure);
			if (decision.credentialsNews()) {
				logger.error("Paid rejected the API key (HTTP " + failure.httpStatus() + "): outbox dispatching is "
						+ "paused, no attempts are consumed; fix paid.api-key. Probing every "
						+ dispatcher.settings.credentialsProbeInterval() + ". " + failure.message());
				this.events.add(new PaidCredentialsRejectedEvent(failure.httpStatus(), failure.message()));
			}
			if (decision.park()) {
				park(row, failure, true, decision.outcome(), decision.parkReason());
				return;
			}
			dispatcher.observer.retried(row.record(), decision.outcome());
			complete(new LaneOutcome(this.delivered, rest(this.index + 1), row, failure, decision.countFailure(),
					decision.reachedPaid(), decision.delay(), null));
		}

		private void park(PendingRow row, DeliveryFailure failure, boolean reachedPaid, String outcome,
				@Nullable String parkReason) {
			OutboxRecord record = row.record();
			String reason = (parkReason != null) ? parkReason : failure.message();
			OutboxDispatcher.this.observer.parked(record, outcome);
			logger.warn("Paid outbox parked lane " + this.lane.key() + " at " + record.entityType() + " "
					+ record.entityId() + " (" + record.operation() + "): " + reason);
			this.events.add(new PaidLaneParkedEvent(this.lane.key(), record.entityType(), record.entityId(),
					record.operation(), reason, (failure.httpStatus() > 0) ? failure.httpStatus() : null));
			complete(new LaneOutcome(this.delivered, rest(this.index + 1), row, failure, !"no_handler".equals(outcome),
					reachedPaid, null, reason));
		}

		private List<PendingRow> rest(int from) {
			return (from >= this.rows.size()) ? List.of() : List.copyOf(this.rows.subList(from, this.rows.size()));
		}

		private void complete(LaneOutcome outcome) {
			execute(() -> finish(this.lane, outcome, this.events));
		}

	}

}
