package ai.paid.spring.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Gathers the completions of lanes that finish while the database is busy with earlier ones, and records them
 * together: one transaction for the lot instead of one per lane. Nothing waits to form a batch; whatever queued up
 * during the previous transaction is the next batch.
 */
final class LaneCompletions {

	private static final Log logger = LogFactory.getLog(OutboxDispatcher.class);

	private static final int MAX_BATCH = 64;

	/** A completion and what to do with its result, or with the database failure that prevented it. */
	record Request(LaneCompleter.Completion completion, Callback callback) {

	}

	/** Receives the result of a request. */
	interface Callback {

		void completed(LaneCompleter.@Nullable Result result, @Nullable RuntimeException failure);

	}

	private final LaneCompleter completer;

	private final Consumer<Runnable> executor;

	private final long leaseMillis;

	private final Queue<Request> queue = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	/**
	 * @param executor runs database work (the dispatcher's pool)
	 */
	LaneCompletions(LaneCompleter completer, Consumer<Runnable> executor, long leaseMillis) {
		this.completer = completer;
		this.executor = executor;
		this.leaseMillis = leaseMillis;
	}

	void submit(LaneCompleter.Completion completion, Callback callback) {
		this.queue.add(new Request(completion, callback));
		drainSoon();
	}

	private void drainSoon() {
		if (!this.queue.isEmpty() && this.draining.compareAndSet(false, true)) {
			this.executor.accept(this::drain);
		}
	}

	private void drain() {
		List<Request> batch = new ArrayList<>();
		Request request;
		while (batch.size() < MAX_BATCH && (request = this.queue.poll()) != null) {
			batch.add(request);
		}
		this.draining.set(false);
		// what queues up from now on is the next batch, recorded on another thread if one is free
		drainSoon();
		if (batch.isEmpty()) {
			return;
		}
		LaneCompleter.@Nullable Result[] results;
		try {
			results = this.completer.completeAll(batch.stream().map(Request::completion).toList(), this.leaseMillis);
		}
		catch (RuntimeException ex) {
			batch.forEach((failed) -> callBack(failed, null, ex));
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			Request done = batch.get(i);
			if (results[i] != null) {
				callBack(done, results[i], null);
			}
			else {
				// its lane row was locked by a writer: record it alone, waiting for the lock
				this.executor.accept(() -> completeAlone(done));
			}
		}
	}

	private void completeAlone(Request request) {
		LaneCompleter.Result result;
		try {
			result = this.completer.complete(request.completion(), this.leaseMillis);
		}
		catch (RuntimeException ex) {
			callBack(request, null, ex);
			return;
		}
		callBack(request, result, null);
	}

	/** One lane's callback failing (an event listener throwing, say) must not strand the other lanes of the batch. */
	private static void callBack(Request request, LaneCompleter.@Nullable Result result,
			@Nullable RuntimeException failure) {
		try {
			request.callback().completed(result, failure);
		}
		catch (RuntimeException ex) {
			logger.error("Paid outbox failed to act on the recorded outcome of lane "
					+ request.completion().lane().key(), ex);
		}
	}

}
