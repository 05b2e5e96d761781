package ai.paid.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one claimed delivery's handlers ({@link PaidWebhookListener} methods, then Spring event listeners) in a
 * transaction that also marks the row handled, so handlers' database writes commit once, with the mark.
 */
final class WebhookHandlerInvoker {

	private final WebhookStore store;

	private final PaidWebhookListenerMethods listeners;

	private final ApplicationEventPublisher publisher;

	private final TransactionOperations transactions;

	private final JsonMapper mapper;

	private final Clock clock;

	WebhookHandlerInvoker(WebhookStore store, PaidWebhookListenerMethods listeners,
			ApplicationEventPublisher publisher, TransactionOperations transactions, JsonMapper mapper, Clock clock) {
		this.store = store;
		this.listeners = listeners;
		this.publisher = publisher;
		this.transactions = transactions;
		this.mapper = mapper;
		this.clock = clock;
	}

	/**
	 * Handles a claimed row.
	 * @param read its envelope when the receiver read it already, else {@code null}
	 * @throws RuntimeException what a handler threw, or {@link LostClaimException}
	 */
	void handle(ClaimedWebhook row, @Nullable WebhookEnvelope read) {
		PaidWebhookEvent event = event(row, read);
		this.transactions.executeWithoutResult((status) -> invoke(row, event));
	}

	/**
	 * Handles several claimed rows in one transaction, all or none.
	 * @throws RuntimeException what the first failing handler threw, or {@link LostClaimException}
	 */
	void handleAll(List<ClaimedWebhook> rows, List<@Nullable WebhookEnvelope> read) {
		List<PaidWebhookEvent> events = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			events.add(event(rows.get(i), read.get(i)));
		}
		this.transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < rows.size(); i++) {
				invoke(rows.get(i), events.get(i));
			}
		});
	}

	private PaidWebhookEvent event(ClaimedWebhook row, @Nullable WebhookEnvelope read) {
		WebhookEnvelope envelope = (read != null) ? read
				: WebhookEnvelope.read(this.mapper, row.body().getBytes(StandardCharsets.UTF_8));
		if (envelope == null) {
			throw new IllegalStateException("The stored body is not a webhook envelope");
		}
		PaidWebhookDelivery delivery = new PaidWebhookDelivery(row.id(), row.dedupKey(), row.event(),
				envelope.instant(), envelope.test(), envelope.data(), row.attempt());
		return PaidWebhookEventType.toEvent(delivery);
	}

	private void invoke(ClaimedWebhook row, PaidWebhookEvent event) {
		this.listeners.invoke(event);
		this.publisher.publishEvent(event);
		if (!this.store.complete(row, this.clock.millis())) {
			throw new LostClaimException(row);
		}
	}

	/** Another instance took the row over (its lease ran out) or an operator skipped it; this attempt rolls back. */
	static final class LostClaimException extends RuntimeException {

		LostClaimException(ClaimedWebhook row) {
			super("Webhook " + row.dedupKey() + " is no longer claimed by this instance (lease ran out or skipped); "
					+ "its handlers' transaction was rolled back");
		}

	}

}
