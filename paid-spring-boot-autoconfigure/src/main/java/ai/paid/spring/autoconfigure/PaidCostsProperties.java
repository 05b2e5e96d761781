package ai.paid.spring.autoconfigure;

import java.time.Duration;

import ai.paid.spring.cost.CostBatcherSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Costs: what AI work costs per customer, recorded with PaidCosts or captured from Spring AI, sent to POST
 * /costs/bulk through the outbox inside a transaction and an in-memory batcher otherwise.
 *
 * @param enabled Whether to create the PaidCosts bean, the COST outbox handler and the Spring AI cost capture.
 * @param outboxEnabled Whether costs recorded inside an active, writable transaction are written to the outbox (sent
 * only if the transaction commits, and durably) when an outbox is configured.
 * @param bufferCapacity Costs the in-memory buffer holds. A cost recorded while it is full is dropped, logged and
 * counted in paid.costs.failed{reason=buffer_full}: recording never waits.
 * @param batchSize Costs per POST /costs/bulk. A batch is sent as soon as it is full.
 * @param flushInterval Longest time a buffered cost waits for its batch to fill.
 * @param maxInFlight Batches sent to Paid concurrently. Beyond that, costs wait in the buffer.
 * @param maxAttempts Times a batch is sent before its costs are logged and counted as failed. Costs carry no
 * idempotency key, so a resend after a lost answer may count a cost twice.
 * @param retryBackoff Delay before resending a failed batch, doubled on each further attempt (capped at 30s, or
 * Paid's Retry-After when longer).
 * @param shutdownTimeout How long shutdown waits for buffered and in-flight costs to reach Paid.
 * @param outbox How costs written to the outbox are sent.
 * @param springAi Cost capture from Spring AI's chat and embedding observations.
 */
@ConfigurationProperties("paid.costs")
public record PaidCostsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean outboxEnabled,
		@DefaultValue("10000") int bufferCapacity, @DefaultValue("100") int batchSize,
		@DefaultValue("250ms") Duration flushInterval, @DefaultValue("4") int maxInFlight,
		@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration retryBackoff,
		@DefaultValue("10s") Duration shutdownTimeout, @DefaultValue Outbox outbox, @DefaultValue SpringAi springAi) {

	CostBatcherSettings toSettings() {
		requirePositive("paid.costs.buffer-capacity", this.bufferCapacity);
		requirePositive("paid.costs.batch-size", this.batchSize);
		requirePositive("paid.costs.max-in-flight", this.maxInFlight);
		requirePositive("paid.costs.max-attempts", this.maxAttempts);
		requireDuration("paid.costs.flush-interval", this.flushInterval, false);
		requireDuration("paid.costs.retry-backoff", this.retryBackoff, true);
		requireDuration("paid.costs.shutdown-timeout", this.shutdownTimeout, true);
		return new CostBatcherSettings(this.bufferCapacity, this.batchSize, this.flushInterval, this.maxInFlight,
				this.maxAttempts, this.retryBackoff, this.shutdownTimeout);
	}

	static void requirePositive(String property, int value) {
		if (value < 1) {
			throw new InvalidPaidConfigurationException(property, property + " is " + value + ", but it must be 1 or more.",
					"Set " + property + " to a positive value, or remove it to use the default.");
		}
	}

	private static void requireDuration(String property, Duration value, boolean zeroAllowed) {
		if (value.isNegative() || (!zeroAllowed && value.isZero())) {
			throw new InvalidPaidConfigurationException(property,
					property + " is " + value + ", but it must be " + (zeroAllowed ? "zero or more." : "positive."),
					"Set " + property + " to a " + (zeroAllowed ? "non-negative" : "positive")
							+ " duration, or remove it to use the default.");
		}
	}

	/**
	 * How the outbox path sends cost rows: rows that the outbox delivers at the same time share bulk POSTs.
	 *
	 * @param maxInFlight Bulk POSTs of outbox cost rows in flight at once.
	 * @param batchSize Most cost rows per POST /costs/bulk on the outbox path.
	 */
	public record Outbox(@DefaultValue("4") int maxInFlight, @DefaultValue("100") int batchSize) {

		Outbox validated() {
			requirePositive("paid.costs.outbox.max-in-flight", this.maxInFlight);
			requirePositive("paid.costs.outbox.batch-size", this.batchSize);
			return this;
		}

	}

	/**
	 * Cost capture from Spring AI.
	 *
	 * @param enabled Whether every ChatModel and EmbeddingModel call that Spring AI observes becomes a usage cost for
	 * the customer of the current PaidContext. Needs an ObservationRegistry (Spring Boot's actuator).
	 * @param logUnattributed Whether to log each model call made outside any PaidContext (always counted in
	 * paid.costs.unattributed).
	 */
	public record SpringAi(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean logUnattributed) {

	}

}
