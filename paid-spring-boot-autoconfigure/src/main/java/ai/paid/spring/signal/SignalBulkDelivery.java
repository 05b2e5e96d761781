package ai.paid.spring.signal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import ai.paid.spring.client.BulkSignalsResponse;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;
import ai.paid.spring.signal.SignalObserver.FailureReason;
import ai.paid.spring.signal.SignalObserver.Path;

/**
 * Groups signal rows that the outbox delivers concurrently (from different lanes) into bulk POSTs, the way a database
 * groups commits: a row is sent at once while fewer than {@code maxInFlight} POSTs are out; otherwise it waits and
 * leaves with the others that arrived meanwhile (at most {@code maxBatch}) as soon as a POST returns. No timer, so
 * no added latency when idle, and fewer requests under load.
 * <p>
 * Each row completes with the outcome of its POST: success when Paid answered (a {@code failed} count is logged and
 * counted, since Paid does not say which signal failed and resending would not help), the POST's error otherwise,
 * for the outbox to retry the row. A POST rejected as malformed (400) is resent one signal per POST, so only the bad
 * row is affected; a single malformed signal is logged, counted and completed, so it never parks the customer's lane.
 */
final class SignalBulkDelivery {

	private static final Log logger = LogFactory.getLog(SignalBulkDelivery.class);

	private final PaidClient client;

	private final SignalObserver observer;

	private final int maxInFlight;

	private final int maxBatch;

	private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

	private int inFlight;

	SignalBulkDelivery(PaidClient client, SignalObserver observer, int maxInFlight, int maxBatch) {
		this.client = client;
		this.observer = observer;
		this.maxInFlight = maxInFlight;
		this.maxBatch = maxBatch;
	}

	Mono<Void> deliver(Signal signal) {
		return Mono.create((sink) -> {
			List<Pending> batch = null;
			synchronized (this) {
				this.waiting.add(new Pending(signal, sink));
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
		List<Signal> signals = batch.stream().map(Pending::signal).toList();
		Mono.defer(() -> this.client.sendSignals(signals)).subscribe((response) -> acknowledged(signals, response),
				(ex) -> {
					failed(batch, ex);
					next();
				}, () -> {
					batch.forEach((pending) -> pending.sink().success());
					next();
				});
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

	private void failed(List<Pending> batch, Throwable ex) {
		if (!isMalformed(ex)) {
			batch.forEach((pending) -> pending.sink().error(ex));
			return;
		}
		if (batch.size() == 1) {
			Signal signal = batch.get(0).signal();
			this.observer.failed(Path.TRANSACTIONAL, FailureReason.REJECTED, 1);
			logger.error("Paid rejected signal '" + signal.eventName() + "' (idempotency key "
					+ signal.idempotencyKey() + ") as malformed: " + ex.getMessage());
			batch.get(0).sink().success();
			return;
		}
		for (Pending pending : batch) {
			Signal signal = pending.signal();
			Mono.defer(() -> this.client.sendSignals(List.of(signal)))
				.subscribe((response) -> acknowledged(List.of(signal), response),
						(single) -> failed(List.of(pending), single), () -> pending.sink().success());
		}
	}

	private void acknowledged(List<Signal> signals, BulkSignalsResponse response) {
		this.observer.sent(Path.TRANSACTIONAL, response.ingested(), response.duplicates());
		if (response.failed() > 0) {
			this.observer.failed(Path.TRANSACTIONAL, FailureReason.REJECTED, response.failed());
			logger.warn("Paid did not accept " + response.failed() + " of " + signals.size() + " signals (first "
					+ "idempotency key " + signals.get(0).idempotencyKey() + "); Paid does not say which ones");
		}
	}

	private static boolean isMalformed(Throwable ex) {
		return ex instanceof PaidApiException paid && paid.getStatus() == 400;
	}

	private record Pending(Signal signal, MonoSink<Void> sink) {
	}

}
