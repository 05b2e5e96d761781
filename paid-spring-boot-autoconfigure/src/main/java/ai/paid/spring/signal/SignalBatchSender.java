package ai.paid.spring.signal;

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

import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;
import ai.paid.spring.signal.SignalObserver.FailureReason;
import ai.paid.spring.signal.SignalObserver.Path;

/**
 * Sends batches of buffered signals, at most {@code maxInFlight} at a time, and resends a failed batch (same signals,
 * same idempotency keys) up to {@code maxAttempts} times with exponential backoff. A malformed batch is split in
 * halves until the bad signals are isolated ({@link SignalBulkPost}), so one bad signal does not cost its whole
 * batch. Signals that still fail are logged and counted, never dropped silently.
 */
final class SignalBatchSender {

	private static final Log logger = LogFactory.getLog(SignalBatchSender.class);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final SignalBulkPost post;

	private final SignalObserver observer;

	private final int maxInFlight;

	private final int maxAttempts;

	private final Duration retryBackoff;

	private final Semaphore permits;

	private final AtomicInteger pending = new AtomicInteger();

	SignalBatchSender(PaidClient client, SignalObserver observer, int maxInFlight, int maxAttempts,
			Duration retryBackoff) {
		this.post = new SignalBulkPost(client, observer, Path.BUFFERED);
		this.observer = observer;
		this.maxInFlight = maxInFlight;
		this.maxAttempts = maxAttempts;
		this.retryBackoff = retryBackoff;
		this.permits = new Semaphore(maxInFlight);
	}

	/**
	 * Starts sending the batch, waiting first while {@code maxInFlight} batches are in flight.
	 */
	void send(List<Signal> batch) throws InterruptedException {
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

	/** Signals handed to {@link #send} and not yet acknowledged or given up. */
	int pending() {
		return this.pending.get();
	}

	/**
	 * Waits until no batch is in flight.
	 * @return whether that happened within the timeout
	 */
	boolean awaitIdle(Duration timeout) throws InterruptedException {
		if (this.permits.tryAcquire(this.maxInFlight, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
			this.permits.release(this.maxInFlight);
			return true;
		}
		return false;
	}

	private Mono<Void> attempt(List<Signal> batch, int attempt) {
		return this.post.send(batch, Function.identity(), (failed, ex) -> retryOrGiveUp(failed, attempt, ex));
	}

	private Mono<Void> retryOrGiveUp(List<Signal> batch, int attempt, Throwable ex) {
		if (attempt < this.maxAttempts && isRetryable(ex)) {
			Duration delay = backoff(attempt, ex);
			if (logger.isDebugEnabled()) {
				logger.debug("Sending " + batch.size() + " signals failed (attempt " + attempt + " of "
						+ this.maxAttempts + "), retrying in " + delay + ": " + ex);
			}
			return Mono.delay(delay).then(Mono.defer(() -> attempt(batch, attempt + 1)));
		}
		giveUp(batch, attempt, ex);
		return Mono.empty();
	}

	private void giveUp(List<Signal> batch, int attempts, Throwable ex) {
		this.observer.failed(Path.BUFFERED, FailureReason.GAVE_UP, batch.size());
		logger.error("Gave up sending " + batch.size() + " signals to Paid after " + attempts + " attempt(s): " + ex
				+ ". Signals emitted outside a transaction live in memory only; emit inside a transaction to have "
				+ "the outbox keep them until Paid accepts them. First idempotency key of the batch: "
				+ batch.get(0).idempotencyKey());
	}

	private Duration backoff(int attempt, Throwable ex) {
		long base = this.retryBackoff.toMillis() << Math.min(attempt - 1, 20);
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
