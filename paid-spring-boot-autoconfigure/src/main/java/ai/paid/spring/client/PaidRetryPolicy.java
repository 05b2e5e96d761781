package ai.paid.spring.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * How {@link WebClientPaidClient} retries idempotent calls that failed with a retryable {@link PaidApiException}
 * (408, 429, 5xx, timeouts, connection errors): exponential backoff with jitter, or Paid's {@code Retry-After} when it
 * sent one.
 * <p>
 * Retries are done with Reactor's {@code retryWhen} inside the WebClient pipeline: waiting between attempts is a timer
 * on a Reactor scheduler, so no thread is held while Paid recovers. Spring Framework 7's
 * {@code org.springframework.core.retry.RetryTemplate} would block the calling thread between attempts, which must
 * never happen on the Netty event loop the response arrives on.
 *
 * @param maxAttempts attempts in total, including the first; {@code 1} disables retries
 * @param initialBackoff delay before the first retry; doubled for every further retry
 * @param maxBackoff upper bound of the computed backoff
 * @param maxRetryAfter upper bound of a delay Paid asks for with {@code Retry-After}
 */
public record PaidRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	private static final Log logger = LogFactory.getLog(PaidRetryPolicy.class);

	public PaidRetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
		if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("Backoff durations must not be negative");
		}
	}

	/**
	 * Three attempts, 500 ms initial backoff, 10 s maximum backoff, {@code Retry-After} honoured up to 60 s.
	 * @return the default policy
	 */
	public static PaidRetryPolicy defaults() {
		return new PaidRetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(60));
	}

	/**
	 * A single attempt.
	 * @return a policy that never retries
	 */
	public static PaidRetryPolicy none() {
		return new PaidRetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * Whether this policy retries at all.
	 * @return {@code true} when more than one attempt is allowed
	 */
	public boolean retries() {
		return this.maxAttempts > 1;
	}

	/**
	 * The delay before retry number {@code retry} (0-based): Paid's {@code Retry-After} capped at
	 * {@link #maxRetryAfter()} when given, else {@code initialBackoff * 2^retry} capped at {@link #maxBackoff()}, with
	 * "equal jitter" (a random value between half and all of it) so that clients do not retry in lockstep.
	 * @param retry number of retries already made
	 * @param retryAfter delay Paid asked for, or {@code null}
	 * @return the delay
	 */
	public Duration delayBefore(long retry, @Nullable Duration retryAfter) {
		if (retryAfter != null) {
			return (retryAfter.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : retryAfter;
		}
		long initial = this.initialBackoff.toMillis();
		long max = this.maxBackoff.toMillis();
		long backoff = (long) Math.min(max, initial * Math.pow(2, retry));
		long half = backoff / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(backoff - half + 1));
	}

	Retry toRetry(String call) {
		return Retry.from(new RetryFunction(call));
	}

	private final class RetryFunction implements Function<Flux<Retry.RetrySignal>, Publisher<?>> {

		private final String call;

		RetryFunction(String call) {
			this.call = call;
		}

		@Override
		public Publisher<?> apply(Flux<Retry.RetrySignal> signals) {
			return signals.concatMap((signal) -> {
				Throwable failure = signal.failure();
				long retry = signal.totalRetries();
				if (!(failure instanceof PaidApiException ex) || !ex.isRetryable() || retry + 1 >= maxAttempts()) {
					return Mono.error(failure);
				}
				Duration delay = delayBefore(retry, ex.getRetryAfter());
				if (logger.isDebugEnabled()) {
					logger.debug("Retrying " + this.call + " in " + delay.toMillis() + " ms (attempt " + (retry + 2)
							+ " of " + maxAttempts() + ") after: " + ex.getMessage());
				}
				return Mono.delay(delay).thenReturn(retry);
			});
		}

	}

}
