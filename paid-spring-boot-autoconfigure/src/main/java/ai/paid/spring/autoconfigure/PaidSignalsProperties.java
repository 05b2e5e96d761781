package ai.paid.spring.autoconfigure;

import java.time.Duration;

import ai.paid.spring.signal.SignalBatcherSettings;
import ai.paid.spring.signal.SignalOverflowPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signals: the in-memory batcher for signals emitted outside a transaction, and the outbox path inside one.
 *
 * @param enabled Whether to create the PaidSignals bean, @PaidSignal support and the SIGNAL outbox handler.
 * @param outboxEnabled Whether signals emitted inside an active, writable transaction are written to the outbox (sent
 * only if the transaction commits, and durably) when an outbox is configured. When disabled, every signal is buffered
 * in memory.
 * @param bufferCapacity Signals the in-memory buffer holds before the overflow policy applies.
 * @param batchSize Signals per POST /signals/bulk. A batch is sent as soon as it is full. Paid documents no limit;
 * stay at 100 or below.
 * @param flushInterval Longest time a buffered signal waits for its batch to fill.
 * @param overflow What emitting does when the buffer is full: block (wait up to offer-timeout, then throw) or fail
 * (throw at once). A signal is never dropped silently.
 * @param offerTimeout How long the block overflow policy waits for room in the buffer.
 * @param maxInFlight Batches sent to Paid concurrently. Beyond that, signals wait in the buffer.
 * @param maxAttempts Times a batch is sent before its signals are logged and counted as failed. Each attempt includes
 * the client's own transport retries (paid.retry).
 * @param retryBackoff Delay before resending a failed batch, doubled on each further attempt (capped at 30s, or
 * Paid's Retry-After when longer).
 * @param shutdownTimeout How long shutdown waits for buffered and in-flight signals to reach Paid.
 * @param outbox How signals written to the outbox are sent.
 */
@ConfigurationProperties("paid.signals")
public record PaidSignalsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean outboxEnabled,
		@DefaultValue("10000") int bufferCapacity, @DefaultValue("100") int batchSize,
		@DefaultValue("250ms") Duration flushInterval, @DefaultValue("block") SignalOverflowPolicy overflow,
		@DefaultValue("1s") Duration offerTimeout, @DefaultValue("4") int maxInFlight,
		@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration retryBackoff,
		@DefaultValue("10s") Duration shutdownTimeout, @DefaultValue Outbox outbox) {

	/**
	 * Checks every value's range when the properties are bound.
	 * @throws InvalidPaidConfigurationException naming the property, the value and the allowed range
	 */
	public PaidSignalsProperties {
		PropertyConstraints.atLeast("paid.signals.buffer-capacity", bufferCapacity, 1);
		PropertyConstraints.atLeast("paid.signals.batch-size", batchSize, 1);
		PropertyConstraints.positive("paid.signals.flush-interval", flushInterval);
		PropertyConstraints.notNegative("paid.signals.offer-timeout", offerTimeout);
		PropertyConstraints.atLeast("paid.signals.max-in-flight", maxInFlight, 1);
		PropertyConstraints.atLeast("paid.signals.max-attempts", maxAttempts, 1);
		PropertyConstraints.positive("paid.signals.retry-backoff", retryBackoff);
		PropertyConstraints.notNegative("paid.signals.shutdown-timeout", shutdownTimeout);
	}

	SignalBatcherSettings toSettings() {
		return new SignalBatcherSettings(this.bufferCapacity, this.batchSize, this.flushInterval, this.overflow,
				this.offerTimeout, this.maxInFlight, this.maxAttempts, this.retryBackoff, this.shutdownTimeout);
	}

	/**
	 * How the outbox path sends signal rows: rows that the outbox delivers at the same time (from different lanes)
	 * share bulk POSTs.
	 *
	 * @param maxInFlight Bulk POSTs of outbox signal rows in flight at once. A row arriving while all are out waits and
	 * leaves with the rows that arrived meanwhile as soon as one returns.
	 * @param batchSize Most signal rows per POST /signals/bulk on the outbox path. Paid documents no limit; stay at 100
	 * or below.
	 */
	public record Outbox(@DefaultValue("4") int maxInFlight, @DefaultValue("100") int batchSize) {

		/**
		 * Checks every value's range when the properties are bound.
		 * @throws InvalidPaidConfigurationException naming the property, the value and the allowed range
		 */
		public Outbox {
			PropertyConstraints.atLeast("paid.signals.outbox.max-in-flight", maxInFlight, 1);
			PropertyConstraints.atLeast("paid.signals.outbox.batch-size", batchSize, 1);
		}

	}

}
