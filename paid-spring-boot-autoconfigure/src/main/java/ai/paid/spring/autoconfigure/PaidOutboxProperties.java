package ai.paid.spring.autoconfigure;

import java.time.Duration;

import ai.paid.spring.outbox.OutboxDispatcherSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Configuration of the transactional outbox ('paid.outbox.*').
 *
 * @param enabled Whether to set up the outbox (enqueue API, dispatcher, schema handling).
 * @param initializeSchema When to run the bundled schema script on startup: 'embedded' (embedded databases
 * only), 'always' (the scripts are idempotent) or 'never' (you manage the tables, e.g. with Flyway).
 * @param validateSchema Whether startup fails when the outbox tables are missing.
 * @param transactionRequired Whether enqueueing outside a transaction fails; when false, such calls run in their own
 * transaction.
 * @param dispatcherEnabled Whether this instance delivers rows to Paid; switch off on instances that only write.
 * @param pollInterval How often the dispatcher looks for ready lanes besides the after-commit wake-up (retries, other
 * instances' writes, crashed instances' lanes).
 * @param leaseDuration How long a claimed lane stays reserved for one instance; a heartbeat extends it while a
 * delivery runs, so this bounds how long a crashed instance's lanes wait.
 * @param maxConcurrentLanes Lanes delivered at the same time by one instance (rows of one lane are always sent one
 * after another).
 * @param batchSize Rows read from a lane per database round trip.
 * @param databaseThreads Threads doing the dispatcher's database work (each holds at most one connection at a time).
 * @param initialBackoff Upper bound of the random wait after a lane head's first retryable failure; doubles with each
 * further failure.
 * @param maxBackoff Upper bound of the random wait between retries.
 * @param maxAttempts Failed attempts after which a lane is parked.
 * @param maxAge Age of a failing or waiting row after which its lane is parked.
 * @param deliveryTimeout Longest time a handler may take to deliver one row before the attempt counts as failed.
 * @param shutdownTimeout How long shutdown waits for deliveries in flight; unfinished lanes are retried by another
 * instance after their lease.
 * @param credentialsProbeInterval How often one delivery is tried while Paid rejects the API key.
 * @param healthBacklogAge Oldest pending age above which the 'paidSync' health reports degraded.
 * @param failureLogInterval Period of the summary log line while deliveries to Paid fail (lanes retrying, pending
 * lanes, oldest pending age, last error); also the period over which at most 10 lanes' first failures and 10 parked
 * lanes get a log line of their own.
 * @param circuitBreaker Circuit breaker that pauses dispatching while Paid keeps failing.
 */
@ConfigurationProperties("paid.outbox")
public record PaidOutboxProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("embedded") DatabaseInitializationMode initializeSchema,
		@DefaultValue("true") boolean validateSchema, @DefaultValue("true") boolean transactionRequired,
		@DefaultValue("true") boolean dispatcherEnabled, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("30s") Duration leaseDuration, @DefaultValue("64") int maxConcurrentLanes,
		@DefaultValue("20") int batchSize, @DefaultValue("4") int databaseThreads,
		@DefaultValue("1s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff,
		@DefaultValue("12") int maxAttempts, @DefaultValue("24h") Duration maxAge,
		@DefaultValue("2m") Duration deliveryTimeout, @DefaultValue("10s") Duration shutdownTimeout,
		@DefaultValue("1m") Duration credentialsProbeInterval, @DefaultValue("15m") Duration healthBacklogAge,
		@DefaultValue("1m") Duration failureLogInterval, @DefaultValue CircuitBreaker circuitBreaker) {

	/**
	 * Checks every value's range when the properties are bound.
	 * @throws InvalidPaidConfigurationException naming the property, the value and the allowed range
	 */
	public PaidOutboxProperties {
		PropertyConstraints.positive("paid.outbox.poll-interval", pollInterval);
		PropertyConstraints.positive("paid.outbox.lease-duration", leaseDuration);
		PropertyConstraints.atLeast("paid.outbox.max-concurrent-lanes", maxConcurrentLanes, 1);
		PropertyConstraints.atLeast("paid.outbox.batch-size", batchSize, 1);
		PropertyConstraints.atLeast("paid.outbox.database-threads", databaseThreads, 1);
		PropertyConstraints.positive("paid.outbox.initial-backoff", initialBackoff);
		PropertyConstraints.positive("paid.outbox.max-backoff", maxBackoff);
		PropertyConstraints.notLonger("paid.outbox.initial-backoff", initialBackoff, "paid.outbox.max-backoff",
				maxBackoff);
		PropertyConstraints.atLeast("paid.outbox.max-attempts", maxAttempts, 1);
		PropertyConstraints.positive("paid.outbox.max-age", maxAge);
		PropertyConstraints.positive("paid.outbox.delivery-timeout", deliveryTimeout);
		PropertyConstraints.notNegative("paid.outbox.shutdown-timeout", shutdownTimeout);
		PropertyConstraints.positive("paid.outbox.credentials-probe-interval", credentialsProbeInterval);
		PropertyConstraints.positive("paid.outbox.health-backlog-age", healthBacklogAge);
		PropertyConstraints.positive("paid.outbox.failure-log-interval", failureLogInterval);
	}

	/**
	 * The dispatcher's settings from these properties.
	 * @return the settings
	 */
	public OutboxDispatcherSettings toDispatcherSettings() {
		return OutboxDispatcherSettings.builder()
			.pollInterval(this.pollInterval)
			.leaseDuration(this.leaseDuration)
			.maxConcurrentLanes(this.maxConcurrentLanes)
			.batchSize(this.batchSize)
			.databaseThreads(this.databaseThreads)
			.initialBackoff(this.initialBackoff)
			.maxBackoff(this.maxBackoff)
			.maxAttempts(this.maxAttempts)
			.maxAge(this.maxAge)
			.breakerWindow(this.circuitBreaker.window())
			.breakerMinimumCalls(this.circuitBreaker.minimumCalls())
			.breakerFailureThreshold(this.circuitBreaker.failureThreshold())
			.breakerOpenDuration(this.circuitBreaker.openDuration())
			.credentialsProbeInterval(this.credentialsProbeInterval)
			.deliveryTimeout(this.deliveryTimeout)
			.shutdownTimeout(this.shutdownTimeout)
			.failureLogInterval(this.failureLogInterval)
			.build();
	}

	/**
	 * Circuit breaker settings ('paid.outbox.circuit-breaker.*').
	 *
	 * @param window Number of most recent deliveries considered.
	 * @param minimumCalls Deliveries needed in the window before the breaker may open.
	 * @param failureThreshold Share of retryable failures (0 to 1) in the window that opens the breaker.
	 * @param openDuration Longest time between probe deliveries while open; each wait is drawn between 80% and 100% of
	 * it so that instances do not probe in step. A recovered Paid is used again at most this long after it is back
	 * (plus the probe's round trip), and each instance sends about one probe request per this interval during an
	 * outage (about 5 a minute at 12 s; 5 s gives about 13 a minute, 30 s about 2 a minute but up to 30 s before the
	 * drain resumes).
	 */
	public record CircuitBreaker(@DefaultValue("20") int window, @DefaultValue("10") int minimumCalls,
			@DefaultValue("0.5") double failureThreshold, @DefaultValue("12s") Duration openDuration) {

		/**
		 * Checks every value's range when the properties are bound.
		 * @throws InvalidPaidConfigurationException naming the property, the value and the allowed range
		 */
		public CircuitBreaker {
			PropertyConstraints.atLeast("paid.outbox.circuit-breaker.window", window, 1);
			PropertyConstraints.atLeast("paid.outbox.circuit-breaker.minimum-calls", minimumCalls, 1);
			PropertyConstraints.above("paid.outbox.circuit-breaker.failure-threshold", failureThreshold, 0, 1);
			PropertyConstraints.positive("paid.outbox.circuit-breaker.open-duration", openDuration);
		}

	}

}
