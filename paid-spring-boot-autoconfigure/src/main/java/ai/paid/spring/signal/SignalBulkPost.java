package ai.paid.spring.signal;

import java.util.List;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.codec.CodecException;

import ai.paid.spring.client.BulkSignalsResponse;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;
import ai.paid.spring.signal.SignalObserver.FailureReason;
import ai.paid.spring.signal.SignalObserver.Path;

/**
 * Posts a batch of signals to {@code POST /signals/bulk}, for both the in-memory and the outbox path, with the one way
 * of isolating bad signals: when the batch is {@linkplain #isMalformed malformed}, each half is posted on its own, and
 * so on, until the bad signals are alone. A bad signal is then logged, counted as rejected and done, since no resend
 * would fix it. Halving costs about {@code 2·log2(n)} more requests per bad signal, where one-by-one costs {@code n}.
 * <p>
 * A {@code failed} count in Paid's answer is logged and counted too: Paid does not say which signals failed, and
 * resending would not help. Any other failure (transport, 5xx, 429, credentials) goes to the caller's
 * {@link Outcome#failed}, which retries or hands the failure on.
 */
final class SignalBulkPost {

	private static final Log logger = LogFactory.getLog(SignalBulkPost.class);

	private final PaidClient client;

	private final SignalObserver observer;

	private final Path path;

	SignalBulkPost(PaidClient client, SignalObserver observer, Path path) {
		this.client = client;
		this.observer = observer;
		this.path = path;
	}

	/**
	 * Posts the signals of the items in one request, halving on malformed batches.
	 * @param items what to send, each carrying one signal
	 * @param signalOf the signal of an item
	 * @param outcome told which items are done and which failed for another reason
	 * @return completes once every item is done or was handed to {@link Outcome#failed} and that completed
	 */
	<T> Mono<Void> send(List<T> items, Function<T, Signal> signalOf, Outcome<T> outcome) {
		List<Signal> signals = items.stream().map(signalOf).toList();
		return Mono.defer(() -> this.client.sendSignals(signals))
			.doOnNext((response) -> acknowledged(signals, response))
			.then(Mono.just(true))
			.onErrorResume((ex) -> failed(items, signalOf, outcome, ex).thenReturn(false))
			.doOnNext((answered) -> {
				if (answered) {
					outcome.done(items);
				}
			})
			.then();
	}

	private <T> Mono<Void> failed(List<T> items, Function<T, Signal> signalOf, Outcome<T> outcome, Throwable ex) {
		if (!isMalformed(ex)) {
			return outcome.failed(items, ex);
		}
		if (items.size() == 1) {
			rejected(signalOf.apply(items.get(0)), ex);
			outcome.done(items);
			return Mono.empty();
		}
		int half = items.size() / 2;
		if (logger.isDebugEnabled()) {
			logger.debug("A batch of " + items.size() + " signals is malformed; sending it in halves to isolate the "
					+ "bad signals");
		}
		return send(items.subList(0, half), signalOf, outcome)
			.then(Mono.defer(() -> send(items.subList(half, items.size()), signalOf, outcome)));
	}

	private void rejected(Signal signal, Throwable ex) {
		this.observer.failed(this.path, FailureReason.REJECTED, 1);
		logger.error("Signal '" + signal.eventName() + "' (idempotency key " + signal.idempotencyKey()
				+ ") cannot be sent: " + (isRejectedByPaid(ex) ? "Paid rejected it as malformed: "
						: "its data cannot be written as JSON: ")
				+ ex.getMessage());
	}

	private void acknowledged(List<Signal> signals, BulkSignalsResponse response) {
		this.observer.sent(this.path, response.ingested(), response.duplicates());
		this.observer.acknowledged(this.path, signals);
		if (response.failed() > 0) {
			this.observer.failed(this.path, FailureReason.REJECTED, response.failed());
			logger.warn("Paid did not accept " + response.failed() + " of " + signals.size() + " signals (ingested "
					+ response.ingested() + ", duplicates " + response.duplicates()
					+ "); Paid does not say which ones. First idempotency key of the batch: "
					+ signals.get(0).idempotencyKey());
		}
	}

	/**
	 * Whether the batch itself is at fault, so that no resend would help: Paid rejected it as malformed (400), or a
	 * signal's {@code data} could not be written as JSON.
	 * @param ex why posting failed
	 * @return whether to isolate the bad signals
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
		 * Paid answered for these items, or they were isolated as malformed: nothing more to do for them.
		 * @param items the items
		 */
		default void done(List<T> items) {
		}

		/**
		 * Posting these items failed for a reason other than a malformed batch.
		 * @param items the items
		 * @param ex the failure
		 * @return completes when the caller has dealt with them (retried, given up or handed on)
		 */
		Mono<Void> failed(List<T> items, Throwable ex);

	}

}
