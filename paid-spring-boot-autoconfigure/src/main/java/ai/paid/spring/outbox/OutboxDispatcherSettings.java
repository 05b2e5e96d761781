package ai.paid.spring.outbox;

// Why this class is long: longer than most classes here only because each of its seventeen values has a field, a getter
// and a documented setter.

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the {@link OutboxDispatcher}, normally bound from {@code paid.outbox.*} by the auto-configuration. Built
 * with named setters on a {@link Builder}, so that two adjacent durations cannot be swapped silently; every value
 * not set keeps its documented default.
 */
public final class OutboxDispatcherSettings {
	private final Duration pollInterval;
	private final Duration leaseDuration;
	private final int maxConcurrentLanes;
	private final int batchSize;
	private final int databaseThreads;
	private final Duration initialBackoff;
	private final Duration maxBackoff;
	private final int maxAttempts;
	private final Duration maxAge;
	private final int breakerWindow;
	private final int breakerMinimumCalls;
	private final double breakerFailureThreshold;
	private final Duration breakerOpenDuration;
	private final Duration credentialsProbeInterval;
	private final Duration deliveryTimeout;
	private final Duration shutdownTimeout;
	private final Duration failureLogInterval;

	private OutboxDispatcherSettings(Builder builder) {
		this.pollInterval = builder.pollInterval;
		this.leaseDuration = builder.leaseDuration;
		this.maxConcurrentLanes = builder.maxConcurrentLanes;
		this.batchSize = builder.batchSize;
		this.databaseThreads = builder.databaseThreads;
		this.initialBackoff = builder.initialBackoff;
		this.maxBackoff = builder.maxBackoff;
		this.maxAttempts = builder.maxAttempts;
		this.maxAge = builder.maxAge;
		this.breakerWindow = builder.breakerWindow;
		this.breakerMinimumCalls = builder.breakerMinimumCalls;
		this.breakerFailureThreshold = builder.breakerFailureThreshold;
		this.breakerOpenDuration = builder.breakerOpenDuration;
		this.credentialsProbeInterval = builder.credentialsProbeInterval;
		this.deliveryTimeout = builder.deliveryTimeout;
		this.shutdownTimeout = builder.shutdownTimeout;
		this.failureLogInterval = builder.failureLogInterval;
	}

	/**
	 * Settings with the documented defaults.
	 * @return the defaults
	 */
	public static OutboxDispatcherSettings defaults() {
		return builder().build();
	}

	/**
	 * A builder starting from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	Duration pollInterval() {
		return this.pollInterval;
	}

	Duration leaseDuration() {
		return this.leaseDuration;
	}

	int maxConcurrentLanes() {
		return this.maxConcurrentLanes;
	}

	int batchSize() {
		return this.batchSize;
	}

	int databaseThreads() {
		return this.databaseThreads;
	}

	Duration initialBackoff() {
		return this.initialBackoff;
	}

	Duration maxBackoff() {
		return this.maxBackoff;
	}

	int maxAttempts() {
		return this.maxAttempts;
	}

	Duration maxAge() {
		return this.maxAge;
	}

	int breakerWindow() {
		return this.breakerWindow;
	}

	int breakerMinimumCalls() {
		return this.breakerMinimumCalls;
	}

	double breakerFailureThreshold() {
		return this.breakerFailureThreshold;
	}

	Duration breakerOpenDuration() {
		return this.breakerOpenDuration;
	}

	Duration credentialsProbeInterval() {
		return this.credentialsProbeInterval;
	}

	Duration deliveryTimeout() {
		return this.deliveryTimeout;
	}

	Duration shutdownTimeout() {
		return this.shutdownTimeout;
	}

	Duration failureLogInterval() {
		return this.failureLogInterval;
	}

	/** Builds {@link OutboxDispatcherSettings}; not thread-safe. */
	public static final class Builder {

		private Duration pollInterval = Duration.ofSeconds(1);

		private Duration leaseDuration = Duration.ofSeconds(30);

		private int maxConcurrentLanes = 64;

		private int batchSize = 20;

		private int databaseThreads = 4;

		private Duration initialBackoff = Duration.ofSeconds(1);

		private Duration maxBackoff = Duration.ofMinutes(10);

		private int maxAttempts = 12;

		private Duration maxAge = Duration.ofHours(24);

		private int breakerWindow = 20;

		private int breakerMinimumCalls = 10;

		private double breakerFailureThreshold = 0.5;

		private Duration breakerOpenDuration = Duration.ofSeconds(12);

		private Duration credentialsProbeInterval = Duration.ofMinutes(1);

		private Duration deliveryTimeout = Duration.ofMinutes(2);

		private Duration shutdownTimeout = Duration.ofSeconds(10);

		private Duration failureLogInterval = Duration.ofMinutes(1);

		private Builder() {
		}

		/**
		 * Sets how often to look for ready lanes besides after-commit wake-ups.
		 * @param pollInterval the value
		 * @return this builder
		 */
		public Builder pollInterval(Duration pollInterval) {
			this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
			return this;
		}

		/**
		 * Sets how long a claimed lane stays reserved without a heartbeat.
		 * @param leaseDuration the value
		 * @return this builder
		 */
		public Builder leaseDuration(Duration leaseDuration) {
			this.leaseDuration = Objects.requireNonNull(leaseDuration, "leaseDuration");
			return this;
		}

		/**
		 * Sets lanes in flight at once.
		 * @param maxConcurrentLanes the value
		 * @return this builder
		 */
		public Builder maxConcurrentLanes(int maxConcurrentLanes) {
			this.maxConcurrentLanes = maxConcurrentLanes;
			return this;
		}

		/**
		 * Sets rows read from a lane per round.
		 * @param batchSize the value
		 * @return this builder
		 */
		public Builder batchSize(int batchSize) {
			this.batchSize = batchSize;
			return this;
		}

		/**
		 * Sets threads for the dispatcher's database work.
		 * @param databaseThreads the value
		 * @return this builder
		 */
		public Builder databaseThreads(int databaseThreads) {
			this.databaseThreads = databaseThreads;
			return this;
		}

		/**
		 * Sets backoff ceiling after the first retryable failure.
		 * @param initialBackoff the value
		 * @return this builder
		 */
		public Builder initialBackoff(Duration initialBackoff) {
			this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
			return this;
		}

		/**
		 * Sets backoff ceiling.
		 * @param maxBackoff the value
		 * @return this builder
		 */
		public Builder maxBackoff(Duration maxBackoff) {
			this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
			return this;
		}

		/**
		 * Sets failures after which a lane is parked.
		 * @param maxAttempts the value
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Sets age of a failing or waiting row after which its lane is parked.
		 * @param maxAge the value
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
			return this;
		}

		/**
		 * Sets deliveries the circuit breaker looks at.
		 * @param breakerWindow the value
		 * @return this builder
		 */
		public Builder breakerWindow(int breakerWindow) {
			this.breakerWindow = breakerWindow;
			return this;
		}

		/**
		 * Sets deliveries needed before the breaker may open.
		 * @param breakerMinimumCalls the value
		 * @return this builder
		 */
		public Builder breakerMinimumCalls(int breakerMinimumCalls) {
			this.breakerMinimumCalls = breakerMinimumCalls;
			return this;
		}

		/**
		 * Sets share of failures that opens the breaker.
		 * @param breakerFailureThreshold the value
		 * @return this builder
		 */
		public Builder breakerFailureThreshold(double breakerFailureThreshold) {
			this.breakerFailureThreshold = breakerFailureThreshold;
			return this;
		}

		/**
		 * Sets longest time between probes while the breaker is open (each wait is jittered between 80% and 100% of it).
		 * @param breakerOpenDuration the value
		 * @return this builder
		 */
		public Builder breakerOpenDuration(Duration breakerOpenDuration) {
			this.breakerOpenDuration = Objects.requireNonNull(breakerOpenDuration, "breakerOpenDuration");
			return this;
		}

		/**
		 * Sets time between probes while credentials are rejected.
		 * @param credentialsProbeInterval the value
		 * @return this builder
		 */
		public Builder credentialsProbeInterval(Duration credentialsProbeInterval) {
			this.credentialsProbeInterval = Objects.requireNonNull(credentialsProbeInterval, "credentialsProbeInterval");
			return this;
		}

		/**
		 * Sets longest time a handler may take for one row.
		 * @param deliveryTimeout the value
		 * @return this builder
		 */
		public Builder deliveryTimeout(Duration deliveryTimeout) {
			this.deliveryTimeout = Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
			return this;
		}

		/**
		 * Sets how long stopping waits for deliveries in flight.
		 * @param shutdownTimeout the value
		 * @return this builder
		 */
		public Builder shutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
			return this;
		}

		/**
		 * Sets the period of the summary log line while deliveries fail, which is also the period of the budget of
		 * first-failure and park lines.
		 * @param failureLogInterval the value
		 * @return this builder
		 */
		public Builder failureLogInterval(Duration failureLogInterval) {
			this.failureLogInterval = Objects.requireNonNull(failureLogInterval, "failureLogInterval");
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 */
		public OutboxDispatcherSettings build() {
			return new OutboxDispatcherSettings(this);
		}

	}

}
