package ai.paid.spring.signal;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import ai.paid.spring.client.Signal;

/**
 * Emits usage signals to Paid.
 *
 * <pre class="code">
 * signals.emit("email_sent").customer("acme").product("ai-sdr").quantity(3).send();
 * signals.emit("email_sent", s -&gt; s.user("u-42"));   // customer and product from PaidContext
 * </pre>
 *
 * Inside an active, writable Spring transaction (and with the outbox configured) the signal is written to the outbox
 * in that transaction: it reaches Paid only if the transaction commits, and then durably. Elsewhere it goes to an
 * in-memory batcher that sends it within {@code paid.signals.flush-interval}. Either way the signal's idempotency key
 * is fixed when it is emitted, so retries are counted by Paid as duplicates, never as new usage.
 */
public class PaidSignals {

	private final SignalBatcher batcher;

	private final @Nullable SignalOutboxWriter outboxWriter;

	/**
	 * Creates the signals API; the auto-configuration does this.
	 * @param batcher where signals emitted outside a transaction go
	 * @param outboxWriter where signals emitted inside a transaction go, {@code null} without an outbox
	 */
	public PaidSignals(SignalBatcher batcher, @Nullable SignalOutboxWriter outboxWriter) {
		this.batcher = batcher;
		this.outboxWriter = outboxWriter;
	}

	/**
	 * Starts describing a signal; finish with {@link SignalBuilder#send()}.
	 * @param eventName the event name; it must match a pricing {@code eventName} of the product to be billed
	 * @return a builder for the signal
	 */
	public SignalBuilder emit(String eventName) {
		return new SignalBuilder(this, eventName);
	}

	/**
	 * Describes and sends a signal in one call.
	 * @param eventName the event name
	 * @param details sets customer, product, data and so on; may do nothing when the context has them
	 * @return the signal as it will be sent
	 */
	public Signal emit(String eventName, Consumer<SignalBuilder> details) {
		SignalBuilder builder = emit(eventName);
		details.accept(builder);
		return builder.send();
	}

	void accept(Signal signal) {
		if (this.outboxWriter == null || !this.outboxWriter.writeIfInTransaction(signal)) {
			this.batcher.offer(signal);
		}
	}

}
