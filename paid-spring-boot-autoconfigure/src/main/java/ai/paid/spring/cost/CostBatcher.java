package ai.paid.spring.cost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.client.TokenUsage;
import ai.paid.spring.cost.CostObserver.FailureReason;
import ai.paid.spring.cost.CostObserver.Path;

/**
 * The in-memory path for costs recorded outside a transaction: a bounded buffer that callers offer to without ever
 * waiting (a cost is recorded on the thread of a model call, which must not slow down for billing), and one sender
 * thread that drains it into batches of {@code batchSize}, or whatever has arrived after {@code flushInterval}, for
 * {@code POST /costs/bulk}.
 * <p>
 * A cost recorded while the buffer is full, or after shutdown, is dropped: counted in
 * {@code paid.costs.failed{reason=buffer_full|shutdown}} and logged (at most once per ten seconds, with the count
 * dropped meanwhile). Stopping the context sends what is buffered, waiting up to {@code shutdownTimeout}; what is
 * still unsent then is logged and counted. Use a transaction and the outbox for costs that must survive a crash.
 */
public final class CostBatcher implements SmartLifecycle, DisposableBean {

	/** Stops with the signal batcher: after the web server, before the shared Reactor Netty resources. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(CostBatcher.class);

	private static final Duration IDLE_POLL = Duration.ofSeconds(1);

	private static final long DROP_LOG_INTERVAL = TimeUnit.SECONDS.toNanos(10);

	/** Offered on stop to wake an idle sender thread; never sent. */
	private static final Cost WAKE_UP = Cost.usage(SignalCustomer.byId("none"), null, null, null, "none", "none",
			TokenUsage.of(0, 0));

	private final ArrayBlockingQueue<Cost> buffer;

	private final CostBatchSender sender;

	private final CostBatcherSettings settings;

	private final CostObserver observer;

	private final Object lifecycleMonitor = new Object();

	private final AtomicLong droppedSinceLog = new AtomicLong();

	private volatile long lastDropLog = System.nanoTime() - DROP_LOG_INTERVAL;

	private volatile boolean stopped;

	private volatile @Nullable Thread thread;

	private volatile int abandoned;

	/**
	 * Creates the batcher; the auto-configuration does this.
	 * @param client sends the batches
	 * @param settings buffer, batch and retry settings
	 * @param observer notified of what happens, for metrics
	 */
	public CostBatcher(PaidClient client, CostBatcherSettings settings, CostObserver observer) {
		this.settings = settings;
		this.observer = observer;
		this.buffer = new ArrayBlockingQueue<>(settings.bufferCapacity());
		this.sender = new CostBatchSender(client, observer, settings);
		observer.buffer(this.buffer::size, settings.bufferCapacity());
	}

	/**
	 * Buffers the cost for sending; never waits.
	 * @param cost the complete cost
	 * @return whether it was buffered; {@code false} when it was dropped (logged and counted)
	 */
	boolean offer(Cost cost) {
		if (this.stopped) {
			dropped(FailureReason.SHUTDOWN, "Paid costs are shut down (the application context is closing)");
			return false;
		}
		if (!this.buffer.offer(cost)) {
			dropped(FailureReason.BUFFER_FULL, "the cost buffer is full (paid.costs.buffer-capacity="
					+ this.settings.bufferCapacity() + "); Paid is slow or unreachable, or costs arrive faster than "
					+ "they are sent");
			return false;
		}
		return true;
	}

	private void dropped(FailureReason reason, String why) {
		this.observer.failed(Path.BUFFERED, reason, 1);
		long count = this.droppedSinceLog.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastDropLog;
		if (now - last >= DROP_LOG_INTERVAL) {
			this.lastDropLog = now;
			this.droppedSinceLog.addAndGet(-count);
			logger.warn("Dropped " + count + " cost(s) since the last report: " + why
					+ ". Counted in paid.costs.failed{reason=" + reason.tag() + "}.");
		}
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.thread != null) {
				return;
			}
			this.stopped = false;
			Thread thread = new Thread(this::run, "paid-costs-sender");
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
	 * Reports costs that never left, also when the sender never ran.
	 */
	@Override
	public void destroy() {
		if (isRunning()) {
			stop();
		}
		else {
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
			logger.error(unsent + " costs were not sent to Paid within paid.costs.shutdown-timeout ("
					+ this.settings.shutdownTimeout() + ") and are lost with this process");
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
		List<Cost> batch = new ArrayList<>(capacity);
		try {
			while (!this.stopped || !this.buffer.isEmpty()) {
				fill(batch);
				if (!batch.isEmpty()) {
					List<Cost> full = batch;
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

	private void send(List<Cost> batch) throws InterruptedException {
		try {
			this.sender.send(batch);
		}
		catch (RuntimeException ex) {
			// keep draining: a sender thread that died would let the buffer fill up behind it
			this.observer.failed(Path.BUFFERED, FailureReason.GAVE_UP, batch.size());
			logger.error("Could not send " + batch.size() + " costs to Paid", ex);
		}
	}

	/**
	 * Waits for a first cost, then collects until the batch is full or the first cost has waited
	 * {@code flushInterval}. While stopping, takes what is there without waiting.
	 */
	private void fill(List<Cost> batch) throws InterruptedException {
		int batchSize = this.settings.batchSize();
		Cost first = this.stopped ? this.buffer.poll() : this.buffer.poll(IDLE_POLL.toNanos(), TimeUnit.NANOSECONDS);
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
				batch.removeIf((cost) -> cost == WAKE_UP);
			}
			long remaining = deadline - System.nanoTime();
			if (batch.size() >= batchSize || this.stopped || remaining <= 0) {
				break;
			}
			Cost next = this.buffer.poll(remaining, TimeUnit.NANOSECONDS);
			if (next == null) {
				break;
			}
			if (next != WAKE_UP) {
				batch.add(next);
			}
		}
	}

}
