package ai.paid.spring.webhook;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claims due deliveries from the inbox and runs their handlers on a small pool, after each receipt's commit (woken by
 * the receiver) and every poll interval (retries, other instances' receipts, expired leases). A failed attempt is
 * retried after a random, doubling backoff; after {@code maxAttempts} the delivery is parked.
 */
public final class PaidWebhookDispatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PaidWebhookDispatcher.class);

	private static final long PURGE_INTERVAL_MILLIS = 3_600_000;

	private static final int QUEUED_PER_WORKER = 4;

	private final WebhookStore store;

	private final WebhookHandlerInvoker invoker;

	private final TransactionOperations claims;

	private final WebhookDispatcherSettings settings;

	private final WebhookObserver observer;

	private final Clock clock;

	private final String instance = UUID.randomUUID().toString().substring(0, 8);

	private final AtomicLong claimCount = new AtomicLong();

	private final Semaphore wakeUps = new Semaphore(0);

	private final Semaphore free;

	private final WebhookWorkQueue queue;

	private volatile boolean running;

	private volatile boolean starved;

	private volatile long lastPurge;

	private volatile long lastStoreErrorLog;

	private @Nullable Thread loop;

	private @Nullable ExecutorService workers;

	/**
	 * Create the dispatcher.
	 * @param inbox the inbox
	 * @param listeners the {@link PaidWebhookListener} methods
	 * @param publisher where the typed Spring events are published
	 * @param transactions the transactions handlers run in (the application's, so that handlers' writes commit with
	 * the mark that the delivery was handled)
	 * @param mapper the mapper bodies are read with
	 * @param settings the settings
	 * @param observer notified of outcomes
	 * @param clock the clock
	 */
	public PaidWebhookDispatcher(PaidWebhookInbox inbox, PaidWebhookListenerMethods listeners,
			ApplicationEventPublisher publisher, TransactionOperations transactions, JsonMapper mapper,
			WebhookDispatcherSettings settings, WebhookObserver observer, Clock clock) {
		this.store = inbox.store();
		this.invoker = new WebhookHandlerInvoker(this.store, listeners, publisher, transactions, mapper, clock);
		this.claims = inbox.transactions();
		this.settings = settings;
		this.observer = observer;
		this.clock = clock;
		// claimed rows queue for the workers: fewer, larger claims
		this.free = new Semaphore(settings.concurrency() * QUEUED_PER_WORKER);
		this.queue = new WebhookWorkQueue(this.invoker, this.store, settings, observer, clock, this::done,
				this::logStoreError);
	}

	/**
	 * Reserves a worker for a delivery being received, so that it is recorded already leased to this instance and
	 * handed over after commit without a claim. Only while the workers have room beyond a claim's worth: under load
	 * deliveries are recorded unleased and claimed in batches (oldest first, so none waits behind newer ones).
	 * @return the lease token, {@code null} when recorded unleased; every token ends in {@link #handOver} or
	 * {@link #cancel}
	 */
	@Nullable String reserve() {
		if (!this.running || this.free.availablePermits() <= this.settings.concurrency() || !this.free.tryAcquire()) {
			return null;
		}
		return this.instance + "-" + this.claimCount.incrementAndGet();
	}

	long leaseUntil(long now) {
		return now + this.settings.leaseDuration().toMillis();
	}

	/** Hands a committed delivery that {@link #reserve()} leased to a worker. */
	void handOver(ClaimedWebhook row, @Nullable WebhookEnvelope envelope) {
		ExecutorService pool = this.workers;
		if (pool == null || !this.running) {
			// stopping: its lease runs out and an instance claims it
			cancel();
			return;
		}
		this.queue.submit(pool, row, envelope);
	}

	/** Places for rows (claimed or handed over) not taken now. */
	int freePlaces() {
		return this.free.availablePermits();
	}

	/** Gives back a reservation that recorded nothing new. */
	void cancel() {
		this.free.release();
	}

	/** Makes the loop look for due deliveries now. */
	public void wakeUp() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		AtomicInteger threads = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(this.settings.concurrency(), (task) -> {
			Thread thread = new Thread(task, "paid-webhook-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		Thread thread = new Thread(this::run, "paid-webhook-dispatcher");
		thread.setDaemon(true);
		this.loop = thread;
		thread.start();
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		wakeUp();
		Thread thread = this.loop;
		ExecutorService pool = this.workers;
		try {
			if (thread != null) {
				thread.join(this.settings.shutdownTimeout().toMillis() + 1);
			}
			if (pool != null) {
				pool.shutdown();
				if (!pool.awaitTermination(this.settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
					logger.warn("Paid webhook handlers still running after paid.webhooks.shutdown-timeout; their "
							+ "deliveries are handled again after their lease runs out");
					pool.shutdownNow();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// after the web server (which stops first, so no new receipt wakes a stopped dispatcher)
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private void run() {
		while (this.running) {
			try {
				int claimed = claimAndSubmit();
				purgeIfDue();
				if (claimed == 0 || this.free.availablePermits() < this.settings.concurrency()) {
					this.wakeUps.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					this.wakeUps.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logStoreError(ex);
				try {
					this.wakeUps.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private int claimAndSubmit() {
		int available = this.free.availablePermits();
		if (available < this.settings.concurrency()) {
			this.starved = true;
			return 0;
		}
		long now = this.clock.millis();
		String token = this.instance + "-" + this.claimCount.incrementAndGet();
		List<ClaimedWebhook> rows = this.claims.execute((status) -> this.store.claim(token, now,
				now + this.settings.leaseDuration().toMillis(), available));
		if (rows == null) {
			return 0;
		}
		ExecutorService pool = this.workers;
		this.starved = rows.size() == available;
		for (ClaimedWebhook row : rows) {
			this.free.acquireUninterruptibly();
			this.queue.submit(pool, row, null);
		}
		return rows.size();
	}

	private void done(int handled) {
		this.free.release(handled);
		if (this.starved) {
			// the last claim took all the room there was: more may be due
			wakeUp();
		}
	}

	private void purgeIfDue() {
		long now = this.clock.millis();
		if (now - this.lastPurge < PURGE_INTERVAL_MILLIS) {
			return;
		}
		this.lastPurge = now;
		int purged = this.store.purge(now - this.settings.retention().toMillis());
		if (purged > 0 && logger.isDebugEnabled()) {
			logger.debug("Purged " + purged + " handled Paid webhooks older than paid.webhooks.retention");
		}
	}

	private void logStoreError(RuntimeException ex) {
		long now = this.clock.millis();
		if (now - this.lastStoreErrorLog > 60_000) {
			this.lastStoreErrorLog = now;
			logger.error("Paid webhook dispatcher cannot use table paid_webhook_inbox; retrying every "
					+ "paid.webhooks.poll-interval (logged at most once a minute)", ex);
		}
	}

}
