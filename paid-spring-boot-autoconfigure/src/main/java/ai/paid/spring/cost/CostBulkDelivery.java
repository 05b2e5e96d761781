package ai.paid.spring.cost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.cost.CostObserver.Path;

/**
 * Groups cost rows that the outbox delivers concurrently (from different lanes) into bulk POSTs, as the signal rows
 * are grouped: a row is sent at once while fewer than {@code maxInFlight} POSTs are out; otherwise it waits and
 * leaves with the others that arrived meanwhile (at most {@code maxBatch}) as soon as a POST returns. Each row
 * completes with the outcome of its POST; a malformed POST is split in halves until the bad costs are isolated
 * ({@link CostBulkPost}), and a bad cost is logged, counted and completed, so it never parks its lane.
 */
final class CostBulkDelivery {

	private static final Log logger = LogFactory.getLog(CostBulkDelivery.class);

	private static final CostBulkPost.Outcome<Pending> OUTCOME = new CostBulkPost.Outcome<>() {

		@Override
		public void done(List<Pending> rows) {
			rows.forEach((pending) -> pending.sink().success());
		}

		@Override
		public Mono<Void> failed(List<Pending> rows, Throwable ex) {
			rows.forEach((pending) -> pending.sink().error(ex));
			return Mono.empty();
		}

	};

	private final CostBulkPost post;

	private final int maxInFlight;

	private final int maxBatch;

	private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

	private int inFlight;

	CostBulkDelivery(PaidClient client, CostObserver observer, int maxInFlight, int maxBatch) {
		this.post = new CostBulkPost(client, observer, Path.TRANSACTIONAL);
		this.maxInFlight = maxInFlight;
		this.maxBatch = maxBatch;
	}

	Mono<Void> deliver(Cost cost) {
		return Mono.create((sink) -> {
			List<Pending> batch = null;
			synchronized (this) {
				this.waiting.add(new Pending(cost, sink));
				if (this.inFlight < this.maxInFlight) {
					this.inFlight++;
					batch = take();
				}
			}
			if (batch != null) {
				send(batch);
			}
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
		this.post.send(batch, Pending::cost, OUTCOME)
			.doFinally((signal) -> next())
			.subscribe(null, (ex) -> logger.error("Completing " + batch.size() + " cost rows failed", ex));
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

	private record Pending(Cost cost, MonoSink<Void> sink) {
	}

}
