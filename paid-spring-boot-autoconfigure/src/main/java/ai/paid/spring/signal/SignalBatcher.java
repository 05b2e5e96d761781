package ai.paid.spring.signal;

import java.util.List;
import java.util.Locale;

import ai.paid.spring.bulk.BulkBatcher;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.signal.SignalObserver.FailureReason;
import ai.paid.spring.signal.SignalObserver.Path;

/**
 * The in-memory path for signals emitted outside a transaction: a {@link BulkBatcher} whose batches go to the
 * client's {@code POST /signals/bulk}.
 * <p>
 * When the buffer is full, {@link SignalOverflowPolicy} decides: wait for room up to {@code offerTimeout}, or fail at
 * once; either way the caller gets a {@link SignalBufferFullException}, never a silent drop. Signals offered before
 * the context starts wait in the buffer; stopping the context sends what is buffered, waiting up to
 * {@code shutdownTimeout}, and rejects later offers. What is still unsent then is logged and counted as failed: the
 * in-memory path survives Paid outages up to its retries and buffer, not a crash of this process (use a transaction
 * and the outbox for that).
 */
public final class SignalBatcher extends BulkBatcher<Signal> {

	/**
	 * Stops after the web server (so requests in progress can still emit) and before the shared Reactor Netty
	 * resources (phase 0) that the client sends with.
	 */
	public static final int PHASE = BulkBatcher.PHASE;

	/** Offered on stop to wake an idle sender thread; never sent. */
	private static final Signal WAKE_UP = new Signal("wake-up", SignalCustomer.byId("none"), null, null, null, null);

	private final SignalBatcherSettings settings;

	private final SignalObserver observer;

	/**
	 * Creates the batcher; the auto-configuration does this.
	 * @param client sends the batches
	 * @param settings buffer, batch and retry settings
	 * @param observer notified of what happens, for metrics
	 */
	public SignalBatcher(PaidClient client, SignalBatcherSettings settings, SignalObserver observer) {
		super("signals", new SignalBulkPost(client, observer, Path.BUFFERED), settings, WAKE_UP,
				new Reporting<>(observer, Path.BUFFERED, FailureReason.GAVE_UP, FailureReason.SHUTDOWN));
		this.settings = settings;
		this.observer = observer;
	}

	/**
	 * Buffers the signal for sending.
	 * @param signal the complete signal
	 * @throws SignalBufferFullException when the buffer is full and the overflow policy gives up
	 * @throws IllegalStateException after shutdown
	 */
	void offer(Signal signal) {
		if (isStopped()) {
			throw new IllegalStateException("Signal '" + signal.eventName()
					+ "' not accepted: Paid signals are shut down (the application context is closing)");
		}
		if (!enqueue(signal) && !offerWaiting(signal)) {
			this.observer.failed(Path.BUFFERED, FailureReason.BUFFER_FULL, 1);
			throw new SignalBufferFullException(signal.eventName(), this.settings.bufferCapacity(),
					this.settings.overflow().name().toLowerCase(Locale.ROOT));
		}
		this.observer.emitted(Path.BUFFERED);
	}

	private boolean offerWaiting(Signal signal) {
		if (this.settings.overflow() != SignalOverflowPolicy.BLOCK || this.settings.offerTimeout().isZero()) {
			return false;
		}
		try {
			return enqueue(signal, this.settings.offerTimeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Signal '" + signal.eventName()
					+ "' not accepted: interrupted while waiting for room in the signal buffer", ex);
		}
	}

	@Override
	protected String gaveUpAdvice(List<Signal> batch) {
		return "Signals emitted outside a transaction live in memory only; emit inside a transaction to have the "
				+ "outbox keep them until Paid accepts them. First idempotency key of the batch: "
				+ batch.get(0).idempotencyKey();
	}

}
