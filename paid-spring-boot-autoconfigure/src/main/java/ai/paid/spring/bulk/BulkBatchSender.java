package ai.paid.spring.bulk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import reactor.core.publisher.Mono;

import ai.paid.spring.client.PaidApiException;

/**
 * Sends batches of buffered items, at most {@code maxInFlight} at a time, and resends a failed batch (the same items)
 * up to {@code maxAttempts} times with exponential backoff. A malformed batch is split in halves until the bad items
 * are isolated ({@link BulkPost}), so one bad item does not cost its whole batch. Items that still fail are logged
 * and counted, never dropped silently.
 *
 * @param <T> the item type
 */
final class BulkBatchSender<T> {

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final BulkBatcher<T> batcher;

	private final BulkPost<T> post;

	private final BulkSettings settings;

	private final Semaphore permits;

	private final AtomicInteger pending = new AtomicInteger();

	BulkBatchSender(BulkBatcher<T> batcher, BulkPost<T> post, BulkSettings settings) {
		this.batcher = batcher;
		this.post = post;
		this.settings = settings;
		this.permits = new Semaphore(settings.maxInFlight());
	}

	/**
	 * Starts sending the batch, waiting first while {@code maxInFlight} batches are in flight.
	 */
	void send(List<T> batch) throws InterruptedException {
		this.permits.acquire();
		this.pending.addAndGet(batch.size());
		this.batcher.reporting.observer().batch(batch.size());
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

	/** Items handed to {@link #send} and not yet acknowledged or given up. */
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

	private Mono<Void> attempt(List<T> batch, int attempt) {
		return this.post.send(batch, Function.identity(), (failed, ex) -> retryOrGiveUp(failed, attempt, ex));
	}

	private Mono<Void> retryOrGiveUp(List<T> batch, int attempt, Throwable ex) {
		if (attempt < this.settings.maxAttempts() && isRetryable(ex)) {
			Duration delay = backoff(attempt, ex);
			Log logger = this.batcher.logger;
			if (logger.isDebugEnabled()) {
				logger.debug("Sending " + batch.size() + " " + this.batcher.items + " failed (attempt " + attempt
						+ " of " + this.settings.maxAttempts() + "), retrying in " + delay + ": " + ex);
			}
			return Mono.delay(delay).then(Mono.defer(() -> attempt(batch, attempt + 1)));
		}
		giveUp(batch, attempt, ex);
		return Mono.empty();
	}

	private void giveUp(List<T> batch, int attempts, Throwable ex) {
		this.batcher.reporting.gaveUp(batch.size());
		this.batcher.logger.error("Gave up sending " + batch.size() + " " + this.batcher.items + " to Paid after "
				+ attempts + " attempt(s): " + ex + ". " + this.batcher.gaveUpAdvice(batch));
	}

	private Duration backoff(int attempt, Throwable ex) {
		long base = this.settings.retryBackoff().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, MAX_BACKOFF.toMillis());
		// jitter in [50%, 100%] so that instances recovering together do not resend in lockstep
		long millis = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		if (ex instanceof PaidApiException paid && paid.getRetryAfter() != null
				&& paid.getRetryAfter().toMillis() > millis) {
			return paid.getRetryAfter();
		}
		return Duration.ofMillis(millis);
	}

	private static boolean isRetryable(Throwable ex) {
		if (ex instanceof PaidApiException paid) {
			// credentials may be fixed (key rotation) within the attempts; everything else non-retryable will not
			return paid.isRetryable() || paid.isCredentialsRejected();
		}
		return true;
	}

}
