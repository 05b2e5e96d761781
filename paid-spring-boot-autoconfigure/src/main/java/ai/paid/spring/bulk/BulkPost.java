package ai.paid.spring.bulk;

import java.util.List;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.codec.CodecException;

import ai.paid.spring.client.PaidApiException;

/**
 * Posts a batch of items (signals, costs) to their bulk route, for both the in-memory and the outbox path, with the
 * one way of isolating bad items: when the batch is {@linkplain #isMalformed malformed}, each half is posted on its
 * own, and so on, until the bad items are alone. A bad item is then {@linkplain #rejected logged and counted} and done,
 * since no resend would fix it. Halving costs about {@code 2·log2(n)} more requests per bad item, where one-by-one
 * costs {@code n}. Any other failure (transport, 5xx, 429, credentials) goes to the caller's {@link Outcome#failed},
 * which retries or hands the failure on.
 *
 * @param <T> the item type
 */
public abstract class BulkPost<T> {

	/** The subclass's, so that log levels set for signals or costs apply. */
	private final Log logger = LogFactory.getLog(getClass());

	private final String items;

	/**
	 * Creates the post.
	 * @param items what the items are called in logs, plural: {@code signals}
	 */
	protected BulkPost(String items) {
		this.items = items;
	}

	/**
	 * Posts the items in one request, halving on malformed batches.
	 * @param <I> the caller's type of what carries an item
	 * @param carriers what to send, each carrying one item
	 * @param itemOf the item of a carrier
	 * @param outcome told which carriers are done and which failed for another reason
	 * @return completes once every carrier is done or was handed to {@link Outcome#failed} and that completed
	 */
	public final <I> Mono<Void> send(List<I> carriers, Function<I, T> itemOf, Outcome<I> outcome) {
		List<T> batch = carriers.stream().map(itemOf).toList();
		return Mono.defer(() -> post(batch))
			.then(Mono.just(true))
			.onErrorResume((ex) -> failed(carriers, itemOf, outcome, ex).thenReturn(false))
			.doOnNext((answered) -> {
				if (answered) {
					outcome.done(carriers);
				}
			})
			.then();
	}

	/**
	 * Posts the batch in one request and counts Paid's answer.
	 * @param batch the items
	 * @return the answer; an error as the client raises it
	 */
	protected abstract Mono<?> post(List<T> batch);

	/**
	 * An item isolated as malformed will never reach Paid: log it and count it as rejected.
	 * @param item the item
	 * @param ex why: see {@link #isRejectedByPaid}
	 */
	protected abstract void rejected(T item, Throwable ex);

	private <I> Mono<Void> failed(List<I> carriers, Function<I, T> itemOf, Outcome<I> outcome, Throwable ex) {
		if (!isMalformed(ex)) {
			return outcome.failed(carriers, ex);
		}
		if (carriers.size() == 1) {
			rejected(itemOf.apply(carriers.get(0)), ex);
			outcome.done(carriers);
			return Mono.empty();
		}
		int half = carriers.size() / 2;
		if (this.logger.isDebugEnabled()) {
			this.logger.debug("A batch of " + carriers.size() + " " + this.items
					+ " is malformed; sending it in halves to isolate the bad " + this.items);
		}
		return send(carriers.subList(0, half), itemOf, outcome)
			.then(Mono.defer(() -> send(carriers.subList(half, carriers.size()), itemOf, outcome)));
	}

	/**
	 * Whether the batch itself is at fault, so that no resend would help: Paid rejected it as malformed (400), or an
	 * item could not be written as JSON.
	 * @param ex why posting failed
	 * @return whether to isolate the bad items
	 */
	public static boolean isMalformed(Throwable ex) {
		if (isRejectedByPaid(ex)) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CodecException || cause instanceof JacksonException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether Paid rejected the request as malformed (400), rather than the item failing to be written as JSON.
	 * @param ex why posting failed
	 * @return whether Paid said 400
	 */
	protected static boolean isRejectedByPaid(Throwable ex) {
		return ex instanceof PaidApiException paid && paid.getStatus() == 400;
	}

	/**
	 * What the caller does with the carriers of a (partial) batch.
	 *
	 * @param <I> the caller's type of what carries an item
	 */
	@FunctionalInterface
	public interface Outcome<I> {

		/**
		 * Paid answered for these carriers' items, or they were isolated as malformed: nothing more to do for them.
		 * @param carriers the carriers
		 */
		default void done(List<I> carriers) {
		}

		/**
		 * Posting these carriers' items failed for a reason other than a malformed batch.
		 * @param carriers the carriers
		 * @param ex the failure
		 * @return completes when the caller has dealt with them (retried, given up or handed on)
		 */
		Mono<Void> failed(List<I> carriers, Throwable ex);

	}

}
