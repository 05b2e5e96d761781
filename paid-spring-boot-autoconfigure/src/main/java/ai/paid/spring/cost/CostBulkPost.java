package ai.paid.spring.cost;

import java.util.List;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.codec.CodecException;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.cost.CostObserver.FailureReason;
import ai.paid.spring.cost.CostObserver.Path;

/**
 * Posts a batch of costs to {@code POST /costs/bulk}, for both the in-memory and the outbox path. Paid takes a batch
 * all or nothing, so one malformed cost would block the rest; the one way of isolating it is the signals' one
 * ({@code SignalBulkPost}): when the batch is {@linkplain #isMalformed malformed}, each half is posted on its own, and
 * so on, until the bad costs are alone. A bad cost is then logged, counted as rejected and done, since no resend would
 * fix it. Any other failure (transport, 5xx, 429, credentials) goes to the caller's {@link Outcome#failed}.
 */
final class CostBulkPost {

	private static final Log logger = LogFactory.getLog(CostBulkPost.class);

	private final PaidClient client;

	private final CostObserver observer;

	private final Path path;

	CostBulkPost(PaidClient client, CostObserver observer, Path path) {
		this.client = client;
		this.observer = observer;
		this.path = path;
	}

	/**
	 * Posts the costs of the items in one request, halving on malformed batches.
	 * @param items what to send, each carrying one cost
	 * @param costOf the cost of an item
	 * @param outcome told which items are done and which failed for another reason
	 * @return completes once every item is done or was handed to {@link Outcome#failed} and that completed
	 */
	<T> Mono<Void> send(List<T> items, Function<T, Cost> costOf, Outcome<T> outcome) {
		List<Cost> costs = items.stream().map(costOf).toList();
		return Mono.defer(() -> this.client.sendCosts(costs))
			.doOnNext((response) -> this.observer.sent(this.path, response.ingested()))
			.then(Mono.just(true))
			.onErrorResume((ex) -> failed(items, costOf, outcome, ex).thenReturn(false))
			.doOnNext((answered) -> {
				if (answered) {
					outcome.done(items);
				}
			})
			.then();
	}

	private <T> Mono<Void> failed(List<T> items, Function<T, Cost> costOf, Outcome<T> outcome, Throwable ex) {
		if (!isMalformed(ex)) {
			return outcome.failed(items, ex);
		}
		if (items.size() == 1) {
			rejected(costOf.apply(items.get(0)), ex);
			outcome.done(items);
			return Mono.empty();
		}
		int half = items.size() / 2;
		if (logger.isDebugEnabled()) {
			logger.debug("A batch of " + items.size() + " costs is malformed; sending it in halves to isolate the "
					+ "bad costs");
		}
		return send(items.subList(0, half), costOf, outcome)
			.then(Mono.defer(() -> send(items.subList(half, items.size()), costOf, outcome)));
	}

	private void rejected(Cost cost, Throwable ex) {
		this.observer.failed(this.path, FailureReason.REJECTED, 1);
		logger.error("Dropped a " + cost.type() + " cost of vendor '" + cost.vendor() + "', model '" + cost.model()
				+ "' for customer " + customer(cost) + ": "
				+ (isRejectedByPaid(ex) ? "Paid rejected it as malformed: " : "it cannot be written as JSON: ")
				+ ex.getMessage() + ". Counted in paid.costs.failed{reason=rejected}.");
	}

	private static String customer(Cost cost) {
		return (cost.customer().externalCustomerId() != null) ? "'" + cost.customer().externalCustomerId() + "'"
				: "id '" + cost.customer().customerId() + "'";
	}

	/**
	 * Whether the batch itself is at fault, so that no resend would help: Paid rejected it as malformed (400), or a
	 * cost's metadata could not be written as JSON.
	 * @param ex why posting failed
	 * @return whether to isolate the bad costs
	 */
	static boolean isMalformed(Throwable ex) {
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

	private static boolean isRejectedByPaid(Throwable ex) {
		return ex instanceof PaidApiException paid && paid.getStatus() == 400;
	}

	/**
	 * What the caller does with the items of a (partial) batch.
	 *
	 * @param <T> the caller's item type
	 */
	@FunctionalInterface
	interface Outcome<T> {

		/**
		 * Paid accepted these items, or they were isolated as malformed: nothing more to do for them.
		 * @param items the items
		 */
		default void done(List<T> items) {
		}

		/**
		 * Posting these items failed for a reason other than a malformed batch.
		 * @param items the items
		 * @param ex the failure
		 * @return completes when the caller has dealt with them
		 */
		Mono<Void> failed(List<T> items, Throwable ex);

	}

}
