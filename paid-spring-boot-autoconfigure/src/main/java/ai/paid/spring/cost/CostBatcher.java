package ai.paid.spring.cost;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import ai.paid.spring.bulk.BulkBatcher;
import ai.paid.spring.client.Cost;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.client.TokenUsage;
import ai.paid.spring.cost.CostObserver.FailureReason;
import ai.paid.spring.cost.CostObserver.Path;

/**
 * The in-memory path for costs recorded outside a transaction: a {@link BulkBatcher}, as for signals, whose batches go
 * to {@code POST /costs/bulk}, and that callers offer to without ever waiting (a cost is recorded on the thread of a
 * model call, which must not slow down for billing).
 * <p>
 * A cost recorded while the buffer is full, or after shutdown, is dropped: counted in
 * {@code paid.costs.failed{reason=buffer_full|shutdown}} and logged (at most once per ten seconds, with the count
 * dropped meanwhile). Stopping the context sends what is buffered, waiting up to {@code shutdownTimeout}; what is
 * still unsent then is logged and counted. Use a transaction and the outbox for costs that must survive a crash.
 */
public final class CostBatcher extends BulkBatcher<Cost> {

	/** Stops with the signal batcher: after the web server, before the shared Reactor Netty resources. */
	public static final int PHASE = BulkBatcher.PHASE;

	private static final Log logger = LogFactory.getLog(CostBatcher.class);

	private static final long DROP_LOG_INTERVAL = TimeUnit.SECONDS.toNanos(10);

	/** Offered on stop to wake an idle sender thread; never sent. */
	private static final Cost WAKE_UP = Cost.usage(SignalCustomer.byId("none"), null, null, null, "none", "none",
			TokenUsage.of(0, 0));

	private final CostObserver observer;

	private final AtomicLong droppedSinceLog = new AtomicLong();

	private volatile long lastDropLog = System.nanoTime() - DROP_LOG_INTERVAL;

	/**
	 * Creates the batcher; the auto-configuration does this.
	 * @param client sends the batches
	 * @param settings buffer, batch and retry settings
	 * @param observer notified of what happens, for metrics
	 */
	public CostBatcher(PaidClient client, CostBatcherSettings settings, CostObserver observer) {
		super("costs", new CostBulkPost(client, observer, Path.BUFFERED), settings, WAKE_UP,
				new Reporting<>(observer, Path.BUFFERED, FailureReason.GAVE_UP, FailureReason.SHUTDOWN));
		this.observer = observer;
	}

	/**
	 * Buffers the cost for sending; never waits.
	 * @param cost the complete cost
	 * @return whether it was buffered; {@code false} when it was dropped (logged and counted)
	 */
	boolean offer(Cost cost) {
		if (isStopped()) {
			dropped(FailureReason.SHUTDOWN, "Paid costs are shut down (the application context is closing)");
			return false;
		}
		if (!enqueue(cost)) {
			dropped(FailureReason.BUFFER_FULL, "the cost buffer is full (paid.costs.buffer-capacity="
					+ bufferCapacity() + "); Paid is slow or unreachable, or costs arrive faster than "
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
	protected String gaveUpAdvice(List<Cost> batch) {
		return "Costs recorded outside a transaction live in memory only; record them inside a transaction to have "
				+ "the outbox keep them until Paid accepts them.";
	}

}
