package ai.paid.spring.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers committed outbox rows to Paid: claims ready lanes (after-commit wake-ups for the lanes this instance just
 * wrote, plus a polling fallback), sends each lane's rows in order through the {@link OutboxDeliveryHandler} of their
 * type ({@link LaneDelivery}), and records the outcome. Database work runs in short transactions on a small dedicated
 * thread pool; no transaction or row lock is held while a handler talks to Paid. Many lanes are in flight at once, a
 * lane's rows one after another. A database outage holds lanes in memory and retries their database work, logged
 * once by {@link DatabaseOutageLog}; it never parks a lane.
 */
public final class OutboxDispatcher implements SmartLifecycle, Consumer<Set<String>> {

	private static final Log logger = LogFactory.getLog(OutboxDispatcher.class);

	private final OutboxDispatcherSettings settings;

	private final String owner = "paid-" + UUID.randomUUID().toString().substring(0, 13);

	private final LaneClaimer claimer;

	private final DispatchGate gate;

	private final LaneRunner runner;

	private final Set<String> entityTypes;

	private final DatabaseOutageLog outage = new DatabaseOutageLog();

	private final Object lifecycleMonitor = new Object();

	private final Object claimMonitor = new Object();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Map<String, ClaimedLane> active = new ConcurrentHashMap<>();

	private final Set<String> wakeLanes = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean generalClaimPending = new AtomicBoolean();

	private final AtomicBoolean claimQueued = new AtomicBoolean();

	private volatile boolean running;

	private volatile @Nullable DispatchExecutors executors;

	/**
	 * Create a dispatcher.
	 * @param dataSource the application's data source holding the outbox tables
	 * @param handlers one handler per entity type
	 * @param settings tuning
	 * @param observer notified of deliveries, retries and parking
	 * @param events receives {@link PaidLaneParkedEvent}, {@link PaidLaneRecoveredEvent} and
	 * {@link PaidCredentialsRejectedEvent}
	 */
	public OutboxDispatcher(DataSource dataSource, Collection<OutboxDeliveryHandler> handlers,
			OutboxDispatcherSettings settings, OutboxObserver observer, ApplicationEventPublisher events) {
		this(dataSource, handlers, settings, observer, events, Clock.systemUTC());
	}

	/**
	 * @param clock the application's clock; ages are measured on the database's, derived from it
	 */
	OutboxDispatcher(DataSource dataSource, Collection<OutboxDeliveryHandler> handlers,
			OutboxDispatcherSettings settings, OutboxObserver observer, ApplicationEventPublisher events,
			Clock clock) {
		this.settings = settings;
		OutboxDialect dialect = OutboxDialect.of(dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		if (!dialect.readCommittedByDefault()) {
			// InnoDB's REPEATABLE READ would lock every index record the claim scans, not only the lanes it takes
			transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		}
		DatabaseClock databaseClock = new DatabaseClock(clock);
		this.claimer = new LaneClaimer(jdbc, transaction, dialect, this.owner, settings.leaseDuration());
		CircuitBreaker breaker = new CircuitBreaker(settings.breakerWindow(), settings.breakerMinimumCalls(),
				settings.breakerFailureThreshold(), settings.breakerOpenDuration(), clock);
		this.gate = new DispatchGate(breaker, settings.credentialsProbeInterval(), clock);
		FailurePolicy failures = new FailurePolicy(this.gate,
				new BackoffPolicy(settings.initialBackoff(), settings.maxBackoff()), settings.maxAttempts(),
				settings.maxAge(), databaseClock);
		Map<String, OutboxDeliveryHandler> byType = byType(handlers);
		this.entityTypes = byType.keySet();
		LaneDelivery.Context context = new LaneDelivery.Context(byType, settings.deliveryTimeout(),
				settings.credentialsProbeInterval(), observer, this.gate, failures, databaseClock, () -> this.running,
				() -> this.generalClaimPending.set(true));
		this.runner = new LaneRunner(new LaneReader(jdbc, dialect, databaseClock),
				new LaneCompleter(jdbc, transaction, dialect), context, settings, observer, events, this.outage,
				new RunnerHost());
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
			DispatchExecutors executors = new DispatchExecutors(this.settings.databaseThreads());
			this.executors = executors;
			this.running = true;
			executors.repeat(Duration.ZERO, this.settings.pollInterval(), this::poll);
			Duration heartbeat = this.settings.leaseDuration().dividedBy(3);
			executors.repeat(heartbeat, heartbeat, this::heartbeat);
			logger.debug("Paid outbox dispatcher " + this.owner + " started for entity types "
					+ this.entityTypes);
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			DispatchExecutors executors = this.executors;
			if (executors != null) {
				executors.shutdownTimer();
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
			if (executors != null) {
				executors.shutdown();
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
			List<ClaimedLane> lostLanes;
			try {
				lostLanes = this.claimer.extend(this.active.values());
			}
			catch (RuntimeException ex) {
				databaseFailed("extending leases", ex);
				return;
			}
			this.outage.succeeded();
			for (ClaimedLane lost : lostLanes) {
				if (lost.equals(this.active.get(lost.key()))) {
					logger.warn("Paid outbox lost the lease of lane " + lost.key()
							+ " while delivering; another instance owns it now");
				}
			}
		});
	}

	private void requestClaim() {
		if (this.running && this.claimQueued.compareAndSet(false, true)) {
			execute(() -> {
				this.claimQueued.set(false);
				try {
					claim();
				}
				catch (RuntimeException ex) {
					// the next poll tries again
					databaseFailed("claiming lanes", ex);
				}
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
				try {
					claimed.addAll(this.claimer.claim(targets, capacity));
				}
				catch (RuntimeException ex) {
					this.wakeLanes.addAll(targets);
					throw ex;
				}
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
			this.outage.succeeded();
			if (probe && claimed.isEmpty()) {
				this.gate.probeFoundNothing();
			}
			int batch = probe ? 1 : this.settings.batchSize();
			for (ClaimedLane lane : claimed) {
				this.inFlight.incrementAndGet();
				this.active.put(lane.key(), lane);
				execute(() -> this.runner.deliver(lane, batch));
			}
		}
	}

	private void databaseFailed(String what, RuntimeException ex) {
		if (!this.running) {
			return;
		}
		if (DeliveryFailureClassifier.isTransientDatabaseFailure(ex)) {
			this.outage.failed(what, ex);
		}
		else {
			logger.warn("Paid outbox failed " + what + "; trying again on the next poll", ex);
		}
	}

	private void wakeLater(Duration delay, String... lanes) {
		DispatchExecutors executors = this.executors;
		if (executors == null || !this.running) {
			return;
		}
		Set<String> keys = Set.of(lanes);
		executors.schedule(delay, () -> {
			if (keys.isEmpty()) {
				this.generalClaimPending.set(true);
			}
			accept(keys);
		});
	}

	private void execute(Runnable task) {
		DispatchExecutors executors = this.executors;
		if (executors != null) {
			executors.execute(task);
		}
	}

	/** Lets the {@link LaneRunner} use the dispatcher's threads and hand lanes back. */
	private final class RunnerHost implements LaneRunner.Host {

		@Override
		public boolean running() {
			return OutboxDispatcher.this.running;
		}

		@Override
		public void execute(Runnable task) {
			OutboxDispatcher.this.execute(task);
		}

		@Override
		public void schedule(Duration delay, Runnable task) {
			DispatchExecutors executors = OutboxDispatcher.this.executors;
			if (executors != null && OutboxDispatcher.this.running) {
				executors.schedule(delay, task);
			}
		}

		@Override
		public boolean flowing() {
			return OutboxDispatcher.this.gate.flowing();
		}

		@Override
		public void released(ClaimedLane lane, @Nullable Duration wakeIn) {
			OutboxDispatcher.this.active.remove(lane.key());
			OutboxDispatcher.this.inFlight.decrementAndGet();
			if (wakeIn != null) {
				wakeLater(wakeIn, lane.key());
			}
			requestClaim();
		}

	}

}
