package ai.paid.spring.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The dispatcher's workers: claimed and handed-over rows wait in one queue that up to {@code concurrency} workers
 * drain, running the handlers of the rows ready at once (up to {@code batch-size}) in one transaction, and each row
 * alone when that fails, so that only a failing row's attempt is counted, retried or parked.
 */
final class WebhookWorkQueue {

	private static final Log logger = LogFactory.getLog(PaidWebhookDispatcher.class);

	private final Queue<Ready> ready = new ConcurrentLinkedQueue<>();

	private final AtomicInteger draining = new AtomicInteger();

	private final WebhookHandlerInvoker invoker;

	private final WebhookStore store;

	private final WebhookDispatcherSettings settings;

	private final WebhookObserver observer;

	private final Clock clock;

	private final IntConsumer done;

	private final Consumer<RuntimeException> storeError;

	/**
	 * @param done told how many rows a worker finished (handled, failed or lost)
	 * @param storeError told when a failure could not be recorded
	 */
	WebhookWorkQueue(WebhookHandlerInvoker invoker, WebhookStore store, WebhookDispatcherSettings settings,
			WebhookObserver observer, Clock clock, IntConsumer done, Consumer<RuntimeException> storeError) {
		this.invoker = invoker;
		this.store = store;
		this.settings = settings;
		this.observer = observer;
		this.clock = clock;
		this.done = done;
		this.storeError = storeError;
	}

	// rows wait in one queue; up to concurrency workers drain it, a batch of those ready at once per transaction
	void submit(ExecutorService pool, ClaimedWebhook row, @Nullable WebhookEnvelope envelope) {
		this.ready.add(new Ready(row, envelope));
		if (this.draining.getAndUpdate(this::oneMoreWorker) < this.settings.concurrency()) {
			try {
				pool.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// shut down meanwhile: the leases of what is queued run out and an instance claims them
				this.draining.decrementAndGet();
			}
		}
	}

	private int oneMoreWorker(int workers) {
		return (workers < this.settings.concurrency()) ? workers + 1 : workers;
	}

	private void drain() {
		while (true) {
			List<Ready> batch = new ArrayList<>();
			for (Ready next = this.ready.poll(); next != null; next = this.ready.poll()) {
				batch.add(next);
				if (batch.size() == this.settings.batchSize()) {
					break;
				}
			}
			if (batch.isEmpty()) {
				this.draining.decrementAndGet();
				// a row queued after the poll may have found every worker counted and started none
				if (this.ready.isEmpty()
						|| this.draining.getAndUpdate(this::oneMoreWorker) >= this.settings.concurrency()) {
					return;
				}
				continue;
			}
			try {
				handle(batch);
			}
			finally {
				this.done.accept(batch.size());
			}
		}
	}

	// one transaction for the batch; if any handler fails, each runs again alone so that only its own attempt fails
	private void handle(List<Ready> batch) {
		if (batch.size() > 1) {
			List<ClaimedWebhook> rows = new ArrayList<>(batch.size());
			List<@Nullable WebhookEnvelope> envelopes = new ArrayList<>(batch.size());
			for (Ready each : batch) {
				rows.add(each.row());
				envelopes.add(each.envelope());
			}
			try {
				this.invoker.handleAll(rows, envelopes);
				for (ClaimedWebhook row : rows) {
					this.observer.handled(WebhookObserver.tag(row.event()));
				}
				return;
			}
			catch (RuntimeException | Error ex) {
				if (logger.isDebugEnabled()) {
					logger.debug("A batch of " + batch.size() + " Paid webhooks rolled back; handling each alone", ex);
				}
			}
		}
		for (Ready each : batch) {
			handle(each.row(), each.envelope());
		}
	}

	private void handle(ClaimedWebhook row, @Nullable WebhookEnvelope envelope) {
		String tag = WebhookObserver.tag(row.event());
		try {
			this.invoker.handle(row, envelope);
			this.observer.handled(tag);
		}
		catch (WebhookHandlerInvoker.LostClaimException ex) {
			logger.warn(ex.getMessage());
		}
		catch (RuntimeException | Error ex) {
			boolean park = row.attempt() >= this.settings.maxAttempts();
			long now = this.clock.millis();
			long notBefore = now + this.settings.backoffMillis(row.attempt(), ThreadLocalRandom.current().nextDouble());
			String error = ex.getClass().getName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
			try {
				this.store.fail(row, error, park, now, notBefore);
			}
			catch (RuntimeException storeFailure) {
				this.storeError.accept(storeFailure);
			}
			if (park) {
				this.observer.parked(tag);
				logger.error("Paid webhook " + row.dedupKey() + " failed " + row.attempt() + " times and is parked; "
						+ "retry or skip it with the paidwebhooks actuator endpoint (id " + row.id() + ")", ex);
			}
			else {
				this.observer.failed(tag);
				logger.warn("Paid webhook " + row.dedupKey() + " failed (attempt " + row.attempt() + " of "
						+ this.settings.maxAttempts() + "), retrying in " + (notBefore - now) + " ms: " + error);
			}
		}
	}

	private record Ready(ClaimedWebhook row, @Nullable WebhookEnvelope envelope) {
	}

}
