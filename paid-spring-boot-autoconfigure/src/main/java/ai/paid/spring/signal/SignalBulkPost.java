package ai.paid.spring.signal;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import ai.paid.spring.bulk.BulkPost;
import ai.paid.spring.client.BulkSignalsResponse;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.Signal;
import ai.paid.spring.signal.SignalObserver.FailureReason;
import ai.paid.spring.signal.SignalObserver.Path;

/**
 * Posts signals to {@code POST /signals/bulk}, isolating bad signals as {@link BulkPost} does. A {@code failed} count
 * in Paid's answer is logged and counted too: Paid does not say which signals failed, and resending would not help.
 */
final class SignalBulkPost extends BulkPost<Signal> {

	private static final Log logger = LogFactory.getLog(SignalBulkPost.class);

	private final PaidClient client;

	private final SignalObserver observer;

	private final Path path;

	SignalBulkPost(PaidClient client, SignalObserver observer, Path path) {
		super("signals");
		this.client = client;
		this.observer = observer;
		this.path = path;
	}

	@Override
	protected Mono<?> post(List<Signal> signals) {
		return this.client.sendSignals(signals).doOnNext((response) -> acknowledged(signals, response));
	}

	@Override
	protected void rejected(Signal signal, Throwable ex) {
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

}
