package ai.paid.spring.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Says what is wrong with deliveries to Paid once, at a bounded rate: a lane's first failure at WARN (the entity, the
 * lane, the HTTP status or transport error and Paid's message), its later retries at DEBUG, the circuit breaker
 * opening and closing at WARN, a parked lane at ERROR, and while anything keeps failing one summary line per interval
 * (lanes retrying, the outbox's pending lanes and oldest pending age, the last error). At most
 * {@link #LINES_PER_INTERVAL} first-failure lines and as many park lines are written per interval; the rest are
 * counted in the summary, so an hour-long outage with thousands of pending lanes writes about one line a minute.
 * Failure messages come from {@link DeliveryFailureClassifier}, which never sees the API key.
 */
final class DeliveryFailureLog {

	/** First-failure lines, and park lines, written per interval before the rest are only counted. */
	static final int LINES_PER_INTERVAL = 10;

	private static final Log logger = LogFactory.getLog(OutboxDispatcher.class);

	private final Log log;

	private final Clock clock;

	private final Duration interval;

	private final Duration retention;

	private final Supplier<@Nullable OutboxBacklog> backlog;

	/** Lanes that failed and were neither delivered nor parked since, with their head row's first commit. */
	private final Map<String, Failing> failing = new ConcurrentHashMap<>();

	private final AtomicBoolean breakerOpen = new AtomicBoolean();

	private final AtomicInteger firstFailuresLogged = new AtomicInteger();

	private final AtomicInteger firstFailuresCounted = new AtomicInteger();

	private final AtomicInteger parksLogged = new AtomicInteger();

	private final AtomicInteger parksCounted = new AtomicInteger();

	private final AtomicLong failures = new AtomicLong();

	private volatile Instant breakerOpenedAt = Instant.MIN;

	private volatile @Nullable LastError lastError;

	/**
	 * @param clock the database's clock, the one rows' commit times come from
	 * @param interval period of the summary line and of the line budgets
	 * @param retention how long a lane that failed counts as retrying without news of it (its longest backoff)
	 * @param backlog the outbox's backlog for the summary, {@code null} when it cannot be read
	 */
	DeliveryFailureLog(Clock clock, Duration interval, Duration retention, Supplier<@Nullable OutboxBacklog> backlog) {
		this(logger, clock, interval, retention, backlog);
	}

	DeliveryFailureLog(Log log, Clock clock, Duration interval, Duration retention,
			Supplier<@Nullable OutboxBacklog> backlog) {
		this.log = log;
		this.clock = clock;
		this.interval = interval;
		this.retention = retention;
		this.backlog = backlog;
	}

	/** How often {@link #summarize()} should run. */
	Duration interval() {
		return this.interval;
	}

	/**
	 * A delivery failed or was deferred and the lane will be tried again.
	 * @param lane the lane
	 * @param row the head row that failed
	 * @param failure what went wrong
	 * @param decision what the lane does next
	 */
	void retrying(String lane, PendingRow row, DeliveryFailure failure, FailurePolicy.Decision decision) {
		String outcome = decision.outcome();
		if ("waiting".equals(outcome) || "database".equals(outcome)) {
			// waiting for a dependency is normal; a database outage has its own log (DatabaseOutageLog)
			debug(lane, row, failure, decision);
			return;
		}
		Instant now = this.clock.instant();
		this.failures.incrementAndGet();
		this.lastError = new LastError(now, describe(failure));
		if ("rate_limited".equals(outcome) || "credentials".equals(outcome)) {
			// Paid is slowing us down, or the key is rejected (logged once at ERROR): no lane is at fault
			debug(lane, row, failure, decision);
			return;
		}
		Failing before = this.failing.put(lane, new Failing(row.record().enqueuedAt(), now));
		boolean first = before == null && !row.hadError();
		// while the breaker is open its WARN has said what is wrong; probes only refresh the summary
		if (first && !"breaker_open".equals(outcome) && this.log.isWarnEnabled()) {
			if (this.firstFailuresLogged.incrementAndGet() <= LINES_PER_INTERVAL) {
				this.log.warn("Paid outbox could not deliver " + entity(row.record()) + " in lane " + lane + ": "
						+ describe(failure) + "; retrying in " + seconds(decision.delay())
						+ " (further failures of this lane are logged at DEBUG, with a summary every "
						+ seconds(this.interval) + " while deliveries fail)");
				return;
			}
			this.firstFailuresCounted.incrementAndGet();
		}
		debug(lane, row, failure, decision);
	}

	/**
	 * Paid accepted a row of the lane.
	 * @param lane the lane
	 */
	void delivered(String lane) {
		if (!this.failing.isEmpty()) {
			this.failing.remove(lane);
		}
	}

	/**
	 * A lane's park is stored.
	 * @param lane the lane
	 * @param record the head row
	 * @param event what is published about it (reason and HTTP status)
	 */
	void parked(String lane, OutboxRecord record, PaidLaneParkedEvent event) {
		this.failing.remove(lane);
		if (this.parksLogged.incrementAndGet() > LINES_PER_INTERVAL) {
			this.parksCounted.incrementAndGet();
			return;
		}
		Integer status = event.httpStatus();
		this.log.error("Paid outbox parked lane " + lane + " at " + entity(record)
				+ ((status != null) ? " (HTTP " + status + ")" : "") + ": " + event.reason()
				+ ". The lane's later rows wait until it is retried or skipped (OutboxAdmin.retryLane/skipHead/"
				+ "skipLane, or the paidsync actuator endpoint); other lanes keep flowing");
	}

	/**
	 * The circuit breaker is open (logged when it opens, not again while it stays open).
	 * @param failure the failure that found it open
	 * @param openDuration longest wait between probes
	 */
	void breakerOpened(DeliveryFailure failure, Duration openDuration) {
		if (this.breakerOpen.compareAndSet(false, true)) {
			this.breakerOpenedAt = this.clock.instant();
			this.log.warn("Paid outbox circuit breaker opened: most recent deliveries to Paid failed (last: "
					+ describe(failure) + "). Dispatching stops except for one probe every " + seconds(openDuration)
					+ " at most; failures while open consume no attempts, and rows wait in the outbox");
		}
	}

	/** A probe succeeded and closed the circuit breaker. */
	void breakerClosed() {
		if (this.breakerOpen.compareAndSet(true, false)) {
			this.log.warn("Paid outbox circuit breaker closed: Paid accepts deliveries again after "
					+ seconds(Duration.between(this.breakerOpenedAt, this.clock.instant())) + "; dispatching resumes");
		}
	}

	/** Writes the summary line if deliveries failed in the last interval or lanes are still retrying. */
	void summarize() {
		Instant now = this.clock.instant();
		if (!this.breakerOpen.get()) {
			// while the breaker is open only probes run, so a lane that failed earlier is still waiting to be retried
			Instant stale = now.minus(this.retention);
			this.failing.values().removeIf((lane) -> lane.lastFailure().isBefore(stale));
		}
		long failed = this.failures.getAndSet(0);
		int unlogged = this.firstFailuresCounted.getAndSet(0);
		int parksUnlogged = this.parksCounted.getAndSet(0);
		this.firstFailuresLogged.set(0);
		this.parksLogged.set(0);
		LastError last = this.lastError;
		if (last == null || (failed == 0 && this.failing.isEmpty() && !this.breakerOpen.get() && parksUnlogged == 0)) {
			return;
		}
		StringBuilder line = new StringBuilder("Paid outbox: deliveries to Paid are failing: ")
			.append(this.failing.size())
			.append(" lane(s) retrying here");
		Instant oldest = this.failing.values()
			.stream()
			.map(Failing::enqueuedAt)
			.min(Instant::compareTo)
			.orElse(null);
		if (oldest != null) {
			line.append(" (oldest change waiting ").append(seconds(Duration.between(oldest, now))).append(')');
		}
		OutboxBacklog backlog = readBacklog();
		if (backlog != null) {
			line.append(", ")
				.append(backlog.pendingLanes())
				.append(" lane(s) pending in the outbox, oldest pending ")
				.append(seconds(backlog.oldestPendingAge()))
				.append(", ")
				.append(backlog.parkedLanes())
				.append(" parked");
		}
		line.append("; ").append(failed).append(" failed attempt(s) in the last ").append(seconds(this.interval));
		if (unlogged > 0) {
			line.append(", ").append(unlogged).append(" lane(s) began failing without a line of their own");
		}
		if (parksUnlogged > 0) {
			line.append(", ").append(parksUnlogged).append(" more lane(s) parked without a line of their own");
		}
		if (this.breakerOpen.get()) {
			line.append("; circuit breaker open for ")
				.append(seconds(Duration.between(this.breakerOpenedAt, now)));
		}
		line.append("; last error ")
			.append(seconds(Duration.between(last.at(), now)))
			.append(" ago: ")
			.append(last.message());
		this.log.warn(line.toString());
	}

	private @Nullable OutboxBacklog readBacklog() {
		try {
			return this.backlog.get();
		}
		catch (RuntimeException ex) {
			// the database may be what is failing; the summary does without
			return null;
		}
	}

	private void debug(String lane, PendingRow row, DeliveryFailure failure, FailurePolicy.Decision decision) {
		if (this.log.isDebugEnabled()) {
			this.log.debug("Paid outbox retries " + entity(row.record()) + " in lane " + lane + " ("
					+ decision.outcome() + ", failed attempts so far " + row.failures() + ") in "
					+ seconds(decision.delay()) + ": " + describe(failure));
		}
	}

	private static String entity(OutboxRecord record) {
		return record.entityType() + " " + record.entityId() + " (" + record.operation() + ")";
	}

	static String describe(DeliveryFailure failure) {
		String status = (failure.httpStatus() > 0) ? "HTTP " + failure.httpStatus()
				: (failure.kind() == DeliveryFailure.Kind.HANDLER) ? "handler" : "no response";
		return status + ": " + failure.message();
	}

	private static String seconds(@Nullable Duration duration) {
		if (duration == null || duration.isNegative()) {
			return "0 s";
		}
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + " ms";
		}
		if (millis < 10_000) {
			return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
		}
		long seconds = duration.toSeconds();
		if (seconds < 120) {
			return seconds + " s";
		}
		if (seconds < 7200) {
			return (seconds / 60) + " min" + ((seconds % 60 != 0) ? " " + (seconds % 60) + " s" : "");
		}
		return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
	}

	private record Failing(Instant enqueuedAt, Instant lastFailure) {

	}

	private record LastError(Instant at, String message) {

	}

}
