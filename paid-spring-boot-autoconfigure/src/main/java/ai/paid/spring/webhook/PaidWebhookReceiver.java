package ai.paid.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives one delivery, whatever web stack carried it: checks the signature over the raw body, reads the envelope,
 * and records it in the inbox in a transaction; after commit the dispatcher is woken to run the handlers. Answers
 * 200 for a new event and for a redelivery (which is not handled again), 400 "invalid signature" for every
 * signature problem (the reason goes to the meters and the debug log only), 400 "invalid payload" for a signed body
 * that is not Paid's envelope, 413 when too large, 503 when the database cannot take it (Paid delivers it again).
 */
public final class PaidWebhookReceiver {

	/** The signature header Paid sends. */
	public static final String SIGNATURE_HEADER = "x-webhook-signature";

	private static final Log logger = LogFactory.getLog(PaidWebhookReceiver.class);

	private final WebhookSignatureVerifier verifier;

	private final WebhookStore store;

	private final TransactionOperations transactions;

	private final JsonMapper mapper;

	private final WebhookObserver observer;

	private final Runnable wakeUp;

	private final Clock clock;

	private final long maxBodyBytes;

	private volatile long lastStoreErrorLog;

	/**
	 * Create the receiver.
	 * @param inbox the inbox deliveries are recorded in
	 * @param settings secrets, tolerance and body limit
	 * @param mapper the mapper bodies are read with
	 * @param observer notified of outcomes
	 * @param wakeUp run after a new delivery's commit (wakes the dispatcher)
	 * @param clock the clock timestamps are checked against
	 */
	public PaidWebhookReceiver(PaidWebhookInbox inbox, WebhookReceiverSettings settings, JsonMapper mapper,
			WebhookObserver observer, Runnable wakeUp, Clock clock) {
		this.verifier = new WebhookSignatureVerifier(settings.secrets(), settings.tolerance(), clock);
		this.store = inbox.store();
		this.transactions = inbox.transactions();
		this.mapper = mapper;
		this.observer = observer;
		this.wakeUp = wakeUp;
		this.clock = clock;
		this.maxBodyBytes = settings.maxBodyBytes();
	}

	/**
	 * The largest body accepted; web adapters stop reading beyond it.
	 * @return the limit in bytes
	 */
	public long maxBodyBytes() {
		return this.maxBodyBytes;
	}

	/**
	 * Answers a body larger than {@link #maxBodyBytes()}.
	 * @return the 413 receipt
	 */
	public WebhookReceipt tooLarge() {
		this.observer.rejected(WebhookRejection.TOO_LARGE);
		return WebhookReceipt.TOO_LARGE;
	}

	/**
	 * Receives a delivery. Blocks on the database: call it off event loops.
	 * @param signature the {@code x-webhook-signature} header
	 * @param body the raw body, exactly as received
	 * @return the answer to send
	 */
	public WebhookReceipt receive(@Nullable String signature, byte[] body) {
		if (body.length > this.maxBodyBytes) {
			return tooLarge();
		}
		WebhookRejection rejection = this.verifier.verify(signature, body);
		if (rejection != null) {
			this.observer.rejected(rejection);
			if (logger.isDebugEnabled()) {
				logger.debug("Rejected a Paid webhook delivery: " + rejection.tag());
			}
			return WebhookReceipt.INVALID_SIGNATURE;
		}
		WebhookEnvelope envelope = WebhookEnvelope.read(this.mapper, body);
		if (envelope == null) {
			this.observer.rejected(WebhookRejection.INVALID_PAYLOAD);
			logger.warn("Rejected a correctly signed Paid webhook whose body is not a JSON envelope with an 'event'");
			return WebhookReceipt.INVALID_PAYLOAD;
		}
		Boolean created;
		try {
			created = this.transactions.execute((status) -> {
				boolean isNew = this.store.record(envelope.dedupKey(), envelope.event(),
						new String(body, StandardCharsets.UTF_8), this.clock.millis());
				if (isNew && TransactionSynchronizationManager.isSynchronizationActive()) {
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
						@Override
						public void afterCommit() {
							PaidWebhookReceiver.this.wakeUp.run();
						}
					});
				}
				return isNew;
			});
		}
		catch (DataAccessException | TransactionException ex) {
			this.observer.rejected(WebhookRejection.UNAVAILABLE);
			logStoreError(ex);
			return WebhookReceipt.UNAVAILABLE;
		}
		boolean duplicate = !Boolean.TRUE.equals(created);
		this.observer.received(WebhookObserver.tag(envelope.event()), duplicate);
		if (!duplicate && !TransactionSynchronizationManager.isSynchronizationActive()) {
			this.wakeUp.run();
		}
		return duplicate ? WebhookReceipt.DUPLICATE : WebhookReceipt.ACCEPTED;
	}

	private void logStoreError(RuntimeException ex) {
		long now = this.clock.millis();
		if (now - this.lastStoreErrorLog > 60_000) {
			this.lastStoreErrorLog = now;
			logger.error("Could not store a Paid webhook in table paid_webhook_inbox; answered 503 so that Paid "
					+ "delivers it again (logged at most once a minute)", ex);
		}
	}

}
