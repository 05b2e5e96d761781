package ai.paid.spring.cost;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.cost.CostObserver.FailureReason;
import ai.paid.spring.cost.CostObserver.Path;

/**
 * Sends batches of buffered costs, at most {@code maxInFlight} at a time, and resends a failed batch up to
 * {@code maxAttempts} times with exponential backoff. A malformed batch is split in halves until the bad costs are
 * isolated ({@link CostBulkPost}). Costs that still fail are logged and counted, never dropped silently.
 */
final class CostBatchSender {

	private static final Log logger = LogFactory.getLog(CostBatchSender.class);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final CostBulkPost post;

	private final CostObserver observer;

	private final CostBatcherSettings settings;

	private final Semaphore permits;

	private final AtomicInteger pending = new AtomicInteger();

	CostBatchSender(PaidClient client, CostObserver observer, CostBatcherSettings settings) {
		this.post = new CostBulkPost(client, observer, Path.BUFFERED);
		this.observer = observer;
		this.settings = settings;
		this.permits = new Semaphore(settings.maxInFlight());
	}

	/**
	 * Starts sending the batch, waiting first while {@code maxInFlight} batches are in flight.
	 */
	void send(List<Cost> batch) throws InterruptedException {
		this.permits.acquire();
		this.pending.addAndGet(batch.size());
		this.observer.batch(batch.size());
		try {
			attempt(batch, 1).doFinally((signal) -> {
				this.pending.addAndGet(-batch.size());
				this.permits.release();
			}).subscribe();
		}
		catch (RuntimeException ex) {
			this.pending.addAndGet(-batch.size());
			this.permits.release();
			giveUp(batch, 1, ex);
		}
	}

	/** Costs handed to {@link #send} and not yet acknowledged or given up. */
	int pending() {
		return this.pending.get();
	}

	/**
	 * Waits until no batch is in flight.
	 * @return whether that happened within the timeout
	 */
	boolean awaitIdle(Duration timeout) throws InterruptedException {
		int all = this.settings.maxInFlight();
		if (this.permits.tryAcquire(all, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
			this.permits.release(all);
			return true;
		}
		return false;
	}

	private Mono<Void> attempt(List<Cost> batch, int attempt) {
		return this.post.send(batch, Function.identity(), (failed, ex) -> retryOrGiveUp(failed, attempt, ex));
	}

	private Mono<Void> retryOrGiveUp(List<Cost> batch, int attempt, Throwable ex) {
		if (attempt < this.settings.maxAttempts() && isRetryable(ex)) {
			Duration delay = backoff(attempt, ex);
			if (logger.isDebugEnabled()) {
				logger.debug("Sending " + batch.size() + " costs failed (attempt " + attempt + " of "
						+ this.settings.maxAttempts() + "), retrying in " + delay + ": " + ex);
			}
			return Mono.delay(delay).then(Mono.defer(() -> attempt(batch, attempt + 1)));
		}
		giveUp(batch, attempt, ex);
		return Mono.empty();
	}

	private void giveUp(List<Cost> batch, int attempts, Throwable ex) {
		this.observer.failed(Path.BUFFERED, FailureReason.GAVE_UP, batch.size());
		logger.error("Gave up sending " + batch.size() + " costs to Paid after " + attempts + " attempt(s): " + ex
				+ ". Costs recorded outside a transaction live in memory only; record them inside a transaction to "
				+ "have the outbox keep them until Paid accepts them.");
	}

	private Duration backoff(int attempt, Throwable ex) {
		long base = this.settings.retryBackoff().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, MAX_BACKOFF.toMillis());
		long millis = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		if (ex instanceof PaidApiException paid && paid.getRetryAfter() != null
				&& paid.getRetryAfter().toMillis() > millis) {
			return paid.getRetryAfter();
		}
		return Duration.ofMillis(millis);
	}

	private static boolean isRetryable(Throwable ex) {
		if (ex instanceof PaidApiException paid) {
			return paid.isRetryable() || paid.isCredentialsRejected();
		}
		return true;
	}

}
