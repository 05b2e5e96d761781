package ai.paid.spring.bulk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import ai.paid.spring.outbox.DeliveryOutcome;

/**
 * Groups rows that the outbox delivers concurrently (from different lanes) into bulk POSTs, the way a database groups
 * commits: a row is sent at once while fewer than {@code maxInFlight} POSTs are out; otherwise it waits and leaves
 * with the others that arrived meanwhile (at most {@code maxBatch}) as soon as a POST returns. No timer, so no added
 * latency when idle, and fewer requests under load.
 * <p>
 * Each row completes with the outcome of its POST: success when Paid answered, the POST's error otherwise, for the
 * outbox to retry the row. A malformed POST is split in halves until the bad items are isolated ({@link BulkPost}),
 * so only the bad rows are affected; a bad item is logged, counted and completed, so it never parks its lane.
 *
 * @param <T> the item type
 */
final class BulkDelivery<T> {

	private static final Log logger = LogFactory.getLog(BulkDelivery.class);

	private final BulkPost.Outcome<Pending<T>> outcome = new BulkPost.Outcome<>() {

		@Override
		public void done(List<Pending<T>> rows) {
			rows.forEach((pending) -> pending.sink().tryEmitEmpty());
		}

		@Override
		public Mono<Void> failed(List<Pending<T>> rows, Throwable ex) {
			rows.forEach((pending) -> pending.sink().tryEmitError(ex));
			return Mono.empty();
		}

	};

	private final BulkPost<T> post;

	private final int maxInFlight;

	private final int maxBatch;

	private final ArrayDeque<Pending<T>> waiting = new ArrayDeque<>();

	private int inFlight;

	BulkDelivery(BulkPost<T> post, int maxInFlight, int maxBatch) {
		this.post = post;
		this.maxInFlight = maxInFlight;
		this.maxBatch = maxBatch;
	}

	/**
	 * Queues the items together, so that they leave in the same POST when it has room for them.
	 * @return one {@link DeliveryOutcome#delivered()} per item, in order, or the error of the first one's POST that
	 * failed
	 */
	Flux<DeliveryOutcome> deliverAll(List<T> items) {
		return Flux.defer(() -> {
			List<Pending<T>> pending = items.stream().map((item) -> new Pending<>(item, Sinks.<Void>empty())).toList();
			List<Pending<T>> batch = null;
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

	private List<Pending<T>> take() {
		List<Pending<T>> batch = new ArrayList<>(Math.min(this.waiting.size(), this.maxBatch));
		while (!this.waiting.isEmpty() && batch.size() < this.maxBatch) {
			batch.add(this.waiting.poll());
		}
		return batch;
	}

	private void send(List<Pending<T>> batch) {
		this.post.send(batch, Pending::item, this.outcome)
			.doFinally((signal) -> next())
			.subscribe(null, (ex) -> logger.error("Completing " + batch.size() + " outbox rows failed", ex));
	}

	private void next() {
		List<Pending<T>> batch = null;
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

	private record Pending<T>(T item, Sinks.Empty<Void> sink) {
	}

}
