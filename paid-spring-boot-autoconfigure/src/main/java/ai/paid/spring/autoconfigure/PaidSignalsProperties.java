package ai.paid.spring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import ai.paid.spring.signal.SignalBatcherSettings;
import ai.paid.spring.signal.SignalOverflowPolicy;

/**
 * Signals: the in-memory batcher for signals emitted outside a transaction, and the outbox path inside one.
 *
 * @param enabled whether to create the {@code PaidSignals} bean, the {@code @PaidSignal} support and the signal outbox
 * handler
 * @param outboxEnabled whether signals emitted inside an active, writable transaction go through the outbox (sent
 * only if the transaction commits, durably) when an outbox is configured; when disabled every signal is buffered in
 * memory
 * @param bufferCapacity signals the in-memory buffer holds before the overflow policy applies
 * @param batchSize signals per POST /signals/bulk; a batch is sent as soon as it is full (Paid documents no limit,
 * keep it at 100 or below)
 * @param flushInterval longest time a buffered signal waits for its batch to fill
 * @param overflow what emitting does when the buffer is full: block (wait up to offer-timeout, then throw) or fail
 * (throw at once); a signal is never dropped silently
 * @param offerTimeout how long the block overflow policy waits for room in the buffer
 * @param maxInFlight batches sent to Paid concurrently; beyond that, signals wait in the buffer
 * @param maxAttempts times a batch is sent before its signals are logged and counted as failed; each attempt includes
 * the client's own transport retries
 * @param retryBackoff delay before resending a failed batch, doubled on each further attempt (capped at 30s, or
 * Paid's Retry-After when longer)
 * @param shutdownTimeout how long shutdown waits for buffered and in-flight signals to reach Paid
 */
@ConfigurationProperties("paid.signals")
public record PaidSignalsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean outboxEnabled,
		@DefaultValue("10000") int bufferCapacity, @DefaultValue("100") int batchSize,
		@DefaultValue("250ms") Duration flushInterval, @DefaultValue("block") SignalOverflowPolicy overflow,
		@DefaultValue("1s") Duration offerTimeout, @DefaultValue("4") int maxInFlight,
		@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration retryBackoff,
		@DefaultValue("10s") Duration shutdownTimeout) {

	SignalBatcherSettings toSettings() {
		return new SignalBatcherSettings(this.bufferCapacity, this.batchSize, this.flushInterval, this.overflow,
				this.offerTimeout, this.maxInFlight, this.maxAttempts, this.retryBackoff, this.shutdownTimeout);
	}

}
