package ai.paid.spring.outbox;

// Why this class is long: it is the public face of the outbox (lifecycle, pause, status) and wires the parts it
// runs; the work itself lives in LaneClaims, LaneRunner, LaneCompleter and HeldLanes.

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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

	private final DeliveryFailureLog failureLog;

	private final Object lifecycleMonitor = new Object();

	private final HeldLanes held = new HeldLanes();

	private final LaneClaims claims;

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
		LaneReader reader = new LaneReader(jdbc, dialect, databaseClock);
		this.claimer = new LaneClaimer(jdbc, transaction, dialect, reader, this.owner, settings.leaseDuration());
		CircuitBreaker breaker = new CircuitBreaker(settings.breakerWindow(), settings.breakerMinimumCalls(),
				settings.breakerFailureThreshold(), settings.breakerOpenDuration(), clock);
		this.gate = new DispatchGate(breaker, settings.credentialsProbeInterval(), clock);
		this.claims = new LaneClaims(this.claimer, this.gate, this.held, settings.maxConcurrentLanes(),
				settings.batchSize());
		FailurePolicy failures = new FailurePolicy(this.gate,
				new BackoffPolicy(settings.initialBackoff(), settings.maxBackoff()), settings.maxAttempts(),
				settings.maxAge(), databaseClock);
		Map<String, OutboxDeliveryHandler> byType = LaneDelivery.Context.byType(handlers);
		this.entityTypes = byType.keySet();
		OutboxAdmin backlog = new OutboxAdmin(dataSource, null);
		this.failureLog = new DeliveryFailureLog(databaseClock, settings.failureLogInterval(),
				settings.maxBackoff().plus(settings.failureLogInterval()), backlog::backlog);
		LaneDelivery.Context context = new LaneDelivery.Context(byType, settings.deliveryTimeout(),
				settings.credentialsProbeInterval(), observer, this.gate, failures, databaseClock, () -> this.running,
				() -> this.claims.wakeAny(), this.failureLog, settings.breakerOpenDuration());
		this.runner = new LaneRunner(reader,
				new LaneCompleter(jdbc, transaction, dialect), context, settings, observer, events, this.outage,
				new RunnerHost());
	}

	/**
	 * Wakes the dispatcher for lanes that just committed new rows.
	 * @param lanes the lanes written
	 */
	@Override
	public void accept(Set<String> lanes) {
		this.claims.wake(lanes);
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
		this.claims.wakeAny();
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
		return this.held.count();
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
			Duration summary = this.failureLog.interval();
			executors.repeat(summary, summary, () -> execute(this.failureLog::summarize));
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
			if (!this.held.awaitEmpty(this.settings.shutdownTimeout())) {
				// Their outcome is unknown: leave the leases to expire so that another instance retries them,
				// with attempts > 0 telling the handler an earlier attempt may have reached Paid.
				logger.warn("Paid outbox dispatcher stopped with " + this.held.count()
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
		this.claims.wakeAny();
		requestClaim();
	}

	private void heartbeat() {
		if (!this.held.isEmpty()) {
			execute(() -> this.held.extendLeases(this.claimer, this.outage));
		}
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
		if (!this.running) {
			return;
		}
		LaneClaims.Round round = this.claims.next();
		if (round.retryIn() != null) {
			wakeLater(round.retryIn());
		}
		if (round.batch() > 0) {
			this.outage.succeeded();
		}
		for (LaneClaimer.Claim claim : round.lanes()) {
			execute(() -> this.runner.deliver(claim, round.batch()));
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
				this.claims.wakeAny();
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
			OutboxDispatcher.this.held.release(lane);
			if (wakeIn != null) {
				wakeLater(wakeIn, lane.key());
			}
			requestClaim();
		}

	}

}
