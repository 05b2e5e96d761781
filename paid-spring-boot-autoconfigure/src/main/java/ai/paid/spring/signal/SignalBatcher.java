package ai.paid.spring.signal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.signal.SignalObserver.FailureReason;
import ai.paid.spring.signal.SignalObserver.Path;

/**
 * The in-memory path for signals emitted outside a transaction: a bounded buffer that callers offer to without
 * waiting for Paid, and one sender thread that drains it into batches of {@code batchSize}, or whatever has arrived
 * after {@code flushInterval}, and hands them to the client's {@code POST /signals/bulk}.
 * <p>
 * When the buffer is full, {@link SignalOverflowPolicy} decides: wait for room up to {@code offerTimeout}, or fail at
 * once; either way the caller gets a {@link SignalBufferFullException}, never a silent drop. Signals offered before
 * the context starts wait in the buffer; stopping the context sends what is buffered, waiting up to
 * {@code shutdownTimeout}, and rejects later offers. What is still unsent then is logged and counted as failed: the
 * in-memory path survives Paid outages up to its retries and buffer, not a crash of this process (use a transaction
 * and the outbox for that).
 */
public final class SignalBatcher implements SmartLifecycle, DisposableBean {

	/**
	 * Stops after the web server (so requests in progress can still emit) and before the shared Reactor Netty
	 * resources (phase 0) that the client sends with.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(SignalBatcher.class);

	private static final Duration IDLE_POLL = Duration.ofSeconds(1);

	/** Offered on stop to wake an idle sender thread; never sent. */
	private static final Signal WAKE_UP = new Signal("wake-up", SignalCustomer.byId("none"), null, null, null, null);

	private final ArrayBlockingQueue<Signal> buffer;

	private final SignalBatchSender sender;

	private final SignalBatcherSettings settings;

	private final SignalObserver observer;

	private final Object lifecycleMonitor = new Object();

	private volatile boolean stopped;

	private volatile @Nullable Thread thread;

	/** Signals the sender thread held when it was interrupted at the end of the shutdown timeout. */
	private volatile int abandoned;

	/**
	 * Creates the batcher; the auto-configuration does this.
	 * @param client sends the batches
	 * @param settings buffer, batch and retry settings
	 * @param observer notified of what happens, for metrics
	 */
	public SignalBatcher(PaidClient client, SignalBatcherSettings settings, SignalObserver observer) {
		this.settings = settings;
		this.observer = observer;
		this.buffer = new ArrayBlockingQueue<>(settings.bufferCapacity());
		this.sender = new SignalBatchSender(client, observer, settings.maxInFlight(), settings.maxAttempts(),
				settings.retryBackoff());
		observer.buffer(this.buffer::size, settings.bufferCapacity());
	}

	/**
	 * Buffers the signal for sending.
	 * @param signal the complete signal
	 * @throws SignalBufferFullException when the buffer is full and the overflow policy gives up
	 * @throws IllegalStateException after shutdown
	 */
	void offer(Signal signal) {
		if (this.stopped) {
			throw new IllegalStateException("Signal '" + signal.eventName()
					+ "' not accepted: Paid signals are shut down (the application context is closing)");
		}
		if (!this.buffer.offer(signal) && !offerWaiting(signal)) {
			this.observer.failed(Path.BUFFERED, FailureReason.BUFFER_FULL, 1);
			throw new SignalBufferFullException(signal.eventName(), this.settings.bufferCapacity(),
					this.settings.overflow().name().toLowerCase(java.util.Locale.ROOT));
		}
		this.observer.emitted(Path.BUFFERED);
	}

	private boolean offerWaiting(Signal signal) {
		if (this.settings.overflow() != SignalOverflowPolicy.BLOCK || this.settings.offerTimeout().isZero()) {
			return false;
		}
		try {
			return this.buffer.offer(signal, this.settings.offerTimeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Signal '" + signal.eventName()
					+ "' not accepted: interrupted while waiting for room in the signal buffer", ex);
		}
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.thread != null) {
				return;
			}
			this.stopped = false;
			Thread thread = new Thread(this::run, "paid-signals-sender");
			thread.setDaemon(true);
			thread.start();
			this.thread = thread;
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			Thread thread = this.thread;
			if (thread == null) {
				return;
			}
			this.stopped = true;
			this.buffer.offer(WAKE_UP);
			long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
			try {
				thread.join(Math.max(1, remainingMillis(deadline)));
				if (thread.isAlive()) {
					thread.interrupt();
					thread.join(100);
				}
				this.sender.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
			reportUnsent(true);
		}
	}

	/**
	 * Reports signals that never left, also when the sender never ran (the context failed before it started).
	 */
	@Override
	public void destroy() {
		if (isRunning()) {
			stop();
		}
		else {
			// after stop() the buffer is empty and what was in flight is already reported
			this.stopped = true;
			reportUnsent(false);
		}
	}

	private void reportUnsent(boolean includeInFlight) {
		this.buffer.remove(WAKE_UP);
		int unsent = this.buffer.size() + (includeInFlight ? this.sender.pending() + this.abandoned : 0);
		this.abandoned = 0;
		if (unsent > 0) {
			this.buffer.clear();
			this.observer.failed(Path.BUFFERED, FailureReason.SHUTDOWN, unsent);
			logger.error(unsent + " signals were not sent to Paid within paid.signals.shutdown-timeout ("
					+ this.settings.shutdownTimeout() + ") and are lost with this process");
		}
	}

	private static long remainingMillis(long deadline) {
		return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void run() {
		int capacity = Math.min(this.settings.batchSize(), 1024);
		List<Signal> batch = new ArrayList<>(capacity);
		try {
			while (!this.stopped || !this.buffer.isEmpty()) {
				fill(batch);
				if (!batch.isEmpty()) {
					List<Signal> full = batch;
					batch = new ArrayList<>(capacity);
					send(full);
				}
			}
		}
		catch (InterruptedException ex) {
			this.abandoned = batch.size();
			Thread.currentThread().interrupt();
		}
	}

	private void send(List<Signal> batch) throws InterruptedException {
		try {
			this.sender.send(batch);
		}
		catch (RuntimeException ex) {
			// keep draining: a sender thread that died would let the buffer fill up behind it
			this.observer.failed(Path.BUFFERED, FailureReason.GAVE_UP, batch.size());
			logger.error("Could not send " + batch.size() + " signals to Paid", ex);
		}
	}

	/**
	 * Waits for a first signal, then collects until the batch is full or the first signal has waited
	 * {@code flushInterval}. While stopping, takes what is there without waiting.
	 */
	private void fill(List<Signal> batch) throws InterruptedException {
		int batchSize = this.settings.batchSize();
		Signal first = this.stopped ? this.buffer.poll()
				: this.buffer.poll(IDLE_POLL.toNanos(), TimeUnit.NANOSECONDS);
		if (first == null) {
			return;
		}
		if (first != WAKE_UP) {
			batch.add(first);
		}
		long deadline = System.nanoTime() + this.settings.flushInterval().toNanos();
		while (batch.size() < batchSize) {
			this.buffer.drainTo(batch, batchSize - batch.size());
			if (this.stopped) {
				// only stop() offers the wake-up signal, after setting stopped
				batch.removeIf((signal) -> signal == WAKE_UP);
			}
			long remaining = deadline - System.nanoTime();
			if (batch.size() >= batchSize || this.stopped || remaining <= 0) {
				break;
			}
			Signal next = this.buffer.poll(remaining, TimeUnit.NANOSECONDS);
			if (next == null) {
				break;
			}
			if (next != WAKE_UP) {
				batch.add(next);
			}
		}
	}

}
