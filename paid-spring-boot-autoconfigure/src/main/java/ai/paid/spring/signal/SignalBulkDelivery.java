package ai.paid.spring.signal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.signal.SignalObserver.Path;

/**
 * Groups signal rows that the outbox delivers concurrently (from different lanes) into bulk POSTs, the way a database
 * groups commits: a row is sent at once while fewer than {@code maxInFlight} POSTs are out; otherwise it waits and
 * leaves with the others that arrived meanwhile (at most {@code maxBatch}) as soon as a POST returns. No timer, so
 * no added latency when idle, and fewer requests under load.
 * <p>
 * Each row completes with the outcome of its POST: success when Paid answered (a {@code failed} count is logged and
 * counted, since Paid does not say which signal failed and resending would not help), the POST's error otherwise,
 * for the outbox to retry the row. A malformed POST is split in halves until the bad signals are isolated
 * ({@link SignalBulkPost}), so only the bad rows are affected; a bad signal is logged, counted and completed, so it
 * never parks its lane.
 */
final class SignalBulkDelivery {

	private static final Log logger = LogFactory.getLog(SignalBulkDelivery.class);

	private static final SignalBulkPost.Outcome<Pending> OUTCOME = new SignalBulkPost.Outcome<>() {

		@Override
		public void done(List<Pending> rows) {
			rows.forEach((pending) -> pending.sink().tryEmitEmpty());
		}

		@Override
		public Mono<Void> failed(List<Pending> rows, Throwable ex) {
			rows.forEach((pending) -> pending.sink().tryEmitError(ex));
			return Mono.empty();
		}

	};

	private final SignalBulkPost post;

	private final int maxInFlight;

	private final int maxBatch;

	private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

	private int inFlight;

	SignalBulkDelivery(PaidClient client, SignalObserver observer, int maxInFlight, int maxBatch) {
		this.post = new SignalBulkPost(client, observer, Path.TRANSACTIONAL);
		this.maxInFlight = maxInFlight;
		this.maxBatch = maxBatch;
	}

	Mono<Void> deliver(Signal signal) {
		return deliverAll(List.of(signal)).then();
	}

	/**
	 * Queues the signals together, so that they leave in the same POST when it has room for them.
	 * @return one {@link DeliveryOutcome#delivered()} per signal, in order, or the error of the first one's POST that
	 * failed
	 */
	Flux<DeliveryOutcome> deliverAll(List<Signal> signals) {
		return Flux.defer(() -> {
			List<Pending> pending = signals.stream().map((signal) -> new Pending(signal, Sinks.empty())).toList();
			List<Pending> batch = null;
			synchronized (this) {
				this.waiting.addAll(pending);
				if (this.inFlight < this.maxInFlight) {
					this.inFlight++;
					batch = take();
				}
			}
			if (batch != null) {
				send(batch);
			}
			return Flux.fromIterable(pending)
				.concatMap((row) -> row.sink().asMono().thenReturn(DeliveryOutcome.delivered()));
		});
	}

	private List<Pending> take() {
		List<Pending> batch = new ArrayList<>(Math.min(this.waiting.size(), this.maxBatch));
		while (!this.waiting.isEmpty() && batch.size() < this.maxBatch) {
			batch.add(this.waiting.poll());
		}
		return batch;
	}

	private void send(List<Pending> batch) {
		this.post.send(batch, Pending::signal, OUTCOME)
			.doFinally((signal) -> next())
			.subscribe(null, (ex) -> logger.error("Completing " + batch.size() + " signal rows failed", ex));
	}

	private void next() {
		List<Pending> batch = null;
		synchronized (this) {
			if (this.waiting.isEmpty()) {
				this.inFlight--;
			}
			else {
				batch = take();
			}
		}
		if (batch != null) {
			send(batch);
		}
	}

	private record Pending(Signal signal, Sinks.Empty<Void> sink) {
	}

}
