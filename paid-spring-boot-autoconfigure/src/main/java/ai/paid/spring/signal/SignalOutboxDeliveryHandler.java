package ai.paid.spring.signal;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import ai.paid.spring.client.BulkSignalsResponse;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.signal.SignalMetrics.FailureReason;
import ai.paid.spring.signal.SignalMetrics.Path;

/**
 * Delivers {@code SIGNAL} outbox rows: one {@code POST /signals/bulk} per row, with the idempotency key stored in the
 * row, so a row sent again after a timeout or crash is counted by Paid as a duplicate.
 * <p>
 * Transport failures, 5xx, 429 and rejected credentials go back to the outbox, which retries, waits or pauses. A
 * signal Paid answers for but does not accept ({@code failed} in the response, or 400 malformed) would fail the same
 * way again; it is logged, counted in {@code paid.signals.failed{reason=rejected}} and completed, so that it never
 * blocks the customer's lane (which it shares with the customer's sync).
 */
public final class SignalOutboxDeliveryHandler implements OutboxDeliveryHandler {

	private static final Log logger = LogFactory.getLog(SignalOutboxDeliveryHandler.class);

	private final PaidClient client;

	private final SignalMetrics metrics;

	/**
	 * Creates the handler; the auto-configuration does this.
	 * @param client the Paid client; its transport retries are bypassed, the outbox retries
	 * @param metrics where to report
	 */
	public SignalOutboxDeliveryHandler(PaidClient client, SignalMetrics metrics) {
		this.client = client.withoutRetries();
		this.metrics = metrics;
	}

	@Override
	public String entityType() {
		return SignalOutboxWriter.ENTITY_TYPE;
	}

	@Override
	public Mono<Void> deliver(OutboxRecord record) {
		return Mono.fromCallable(() -> read(record))
			.flatMap((signal) -> this.client.sendSignals(List.of(signal))
				.doOnNext((response) -> acknowledged(signal, response))
				.onErrorResume(SignalOutboxDeliveryHandler::isMalformed, (ex) -> rejected(signal, ex)))
			.then();
	}

	private static Signal read(OutboxRecord record) {
		if (record.payload() == null) {
			throw new IllegalStateException("Outbox row " + record.id() + " of type SIGNAL has no payload");
		}
		return SignalJson.MAPPER.readValue(record.payload(), Signal.class);
	}

	private void acknowledged(Signal signal, BulkSignalsResponse response) {
		this.metrics.sent(Path.TRANSACTIONAL, response.ingested(), response.duplicates());
		if (response.failed() > 0) {
			this.metrics.failed(Path.TRANSACTIONAL, FailureReason.REJECTED, response.failed());
			logger.warn("Paid did not accept signal '" + signal.eventName() + "' (idempotency key "
					+ signal.idempotencyKey() + "); its response counted it as failed");
		}
	}

	private Mono<BulkSignalsResponse> rejected(Signal signal, Throwable ex) {
		this.metrics.failed(Path.TRANSACTIONAL, FailureReason.REJECTED, 1);
		logger.error("Paid rejected signal '" + signal.eventName() + "' (idempotency key " + signal.idempotencyKey()
				+ ") as malformed: " + ex.getMessage());
		return Mono.empty();
	}

	private static boolean isMalformed(Throwable ex) {
		return ex instanceof PaidApiException paid && paid.getStatus() == 400;
	}

}
