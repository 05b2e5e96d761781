package ai.paid.spring.bulk;

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

/**
 * The in-memory path for items (signals, costs) sent outside a transaction: a bounded buffer that callers
 * {@linkplain #enqueue offer to} without waiting for Paid, and one sender thread that drains it into batches of
 * {@code batchSize}, or whatever has arrived after {@code flushInterval}, for their bulk POST ({@link BulkPost}).
 * <p>
 * What a caller does when the buffer is full is the subclass's choice. Items offered before the context starts wait
 * in the buffer; stopping the context sends what is buffered, waiting up to {@code shutdownTimeout}. What is still
 * unsent then is logged and counted as lost: the in-memory path survives Paid outages up to its retries and buffer,
 * not a crash of this process (use a transaction and the outbox for that).
 *
 * @param <T> the item type
 */
public abstract class BulkBatcher<T> implements SmartLifecycle, DisposableBean {

	/**
	 * Stops after the web server (so requests in progress can still send) and before the shared Reactor Netty
	 * resources (phase 0) that the client sends with.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Duration IDLE_POLL = Duration.ofSeconds(1);

	/** The subclass's, so that log levels set for signals or costs apply. */
	final Log logger = LogFactory.getLog(getClass());

	final String items;

	private final T wakeUp;

	private final ArrayBlockingQueue<T> buffer;

	private final BulkBatchSender<T> sender;

	private final BulkSettings settings;

	final Reporting<?, ?> reporting;

	private final Object lifecycleMonitor = new Object();

	private volatile boolean stopped;

	private volatile @Nullable Thread thread;

	/** Items the sender thread held when it was interrupted at the end of the shutdown timeout. */
	private volatile int abandoned;

	/**
	 * Creates the batcher.
	 * @param items what the items are called, plural, in logs, the sender thread's name and the properties:
	 * {@code signals}
	 * @param post posts a batch
	 * @param settings buffer, batch and retry settings
	 * @param wakeUp an item offered on stop to wake an idle sender thread; never sent
	 * @param reporting where batches, the buffer's fill and lost items are reported
	 */
	protected BulkBatcher(String items, BulkPost<T> post, BulkSettings settings, T wakeUp,
			Reporting<?, ?> reporting) {
		this.items = items;
		this.settings = settings;
		this.wakeUp = wakeUp;
		this.reporting = reporting;
		this.buffer = new ArrayBlockingQueue<>(settings.bufferCapacity());
		this.sender = new BulkBatchSender<>(this, post, settings);
		reporting.observer().buffer(this.buffer::size, settings.bufferCapacity());
	}

	/**
	 * Buffers the item if there is room.
	 * @param item the item
	 * @return whether it was buffered
	 */
	protected final boolean enqueue(T item) {
		return this.buffer.offer(item);
	}

	/**
	 * Buffers the item, waiting for room up to the timeout.
	 * @param item the item
	 * @param timeout how long to wait
	 * @return whether it was buffered
	 * @throws InterruptedException when interrupted while waiting
	 */
	protected final boolean enqueue(T item, Duration timeout) throws InterruptedException {
		return this.buffer.offer(item, timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Items the buffer holds at most.
	 * @return the buffer's capacity
	 */
	protected final int bufferCapacity() {
		return this.settings.bufferCapacity();
	}

	/**
	 * Whether the batcher is stopping or stopped, and so takes no more items.
	 * @return whether it is stopped
	 */
	protected final boolean isStopped() {
		return this.stopped;
	}

	/**
	 * What the log of a batch given up adds, e.g. how to keep such items safe.
	 * @param batch the items given up
	 * @return one or more sentences
	 */
	protected abstract String gaveUpAdvice(List<T> batch);

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.thread != null) {
				return;
			}
			this.stopped = false;
			Thread thread = new Thread(this::run, "paid-" + this.items + "-sender");
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
			this.buffer.offer(this.wakeUp);
			long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
			try {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
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
	 * Reports items that never left, also when the sender never ran (the context failed before it started).
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
		this.buffer.remove(this.wakeUp);
		int unsent = this.buffer.size() + (includeInFlight ? this.sender.pending() + this.abandoned : 0);
		this.abandoned = 0;
		if (unsent > 0) {
			this.buffer.clear();
			this.reporting.lostAtShutdown(unsent);
			this.logger.error(unsent + " " + this.items + " were not sent to Paid within paid." + this.items
					+ ".shutdown-timeout (" + this.settings.shutdownTimeout() + ") and are lost with this process");
		}
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
		List<T> batch = new ArrayList<>(capacity);
		try {
			while (!this.stopped || !this.buffer.isEmpty()) {
				fill(batch);
				if (!batch.isEmpty()) {
					List<T> full = batch;
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

	private void send(List<T> batch) throws InterruptedException {
		try {
			this.sender.send(batch);
		}
		catch (RuntimeException ex) {
			// keep draining: a sender thread that died would let the buffer fill up behind it
			this.reporting.gaveUp(batch.size());
			this.logger.error("Could not send " + batch.size() + " " + this.items + " to Paid", ex);
		}
	}

	/**
	 * Waits for a first item, then collects until the batch is full or the first item has waited
	 * {@code flushInterval}. While stopping, takes what is there without waiting.
	 */
	private void fill(List<T> batch) throws InterruptedException {
		int batchSize = this.settings.batchSize();
		T first = this.stopped ? this.buffer.poll() : this.buffer.poll(IDLE_POLL.toNanos(), TimeUnit.NANOSECONDS);
		if (first == null) {
			return;
		}
		if (first != this.wakeUp) {
			batch.add(first);
		}
		long deadline = System.nanoTime() + this.settings.flushInterval().toNanos();
		while (batch.size() < batchSize) {
			this.buffer.drainTo(batch, batchSize - batch.size());
			if (this.stopped) {
				// only stop() offers the wake-up item, after setting stopped
				batch.removeIf((item) -> item == this.wakeUp);
			}
			long remaining = deadline - System.nanoTime();
			if (batch.size() >= batchSize || this.stopped || remaining <= 0) {
				break;
			}
			T next = this.buffer.poll(remaining, TimeUnit.NANOSECONDS);
			if (next == null) {
				break;
			}
			if (next != this.wakeUp) {
				batch.add(next);
			}
		}
	}

	/**
	 * Where a batcher reports: its observer, and the observer's constants for the in-memory path and the reasons
	 * items are lost.
	 *
	 * @param <P> the observer's path type
	 * @param <R> the observer's failure reason type
	 * @param observer notified of batches, the buffer's fill and lost items
	 * @param path the in-memory path
	 * @param gaveUpReason the reason for items given up after their attempts
	 * @param shutdownReason the reason for items still unsent when the shutdown timeout ran out
	 */
	public record Reporting<P, R>(BulkObserver<P, R> observer, P path, R gaveUpReason, R shutdownReason) {

		void gaveUp(int count) {
			this.observer.failed(this.path, this.gaveUpReason, count);
		}

		void lostAtShutdown(int count) {
			this.observer.failed(this.path, this.shutdownReason, count);
		}

	}

}
