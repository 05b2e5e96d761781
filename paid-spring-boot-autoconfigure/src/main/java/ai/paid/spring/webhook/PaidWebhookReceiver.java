package ai.paid.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives one delivery, whatever web stack carried it: checks the signature over the raw body, reads the envelope,
 * and records it in the inbox with one statement (in the caller's transaction when there is one on the data source);
 * after commit the dispatcher is woken to run the handlers. Answers 200 for a new event and for a redelivery (which
 * is not handled again), 400 "invalid signature" for every signature problem (the reason goes to the meters and the
 * debug log only), 400 "invalid payload" for a signed body that is not Paid's envelope, 413 when too large, 503 when
 * the database cannot take it (Paid delivers it again).
 */
public final class PaidWebhookReceiver {

	/** The signature header Paid sends. */
	public static final String SIGNATURE_HEADER = "x-webhook-signature";

	private static final Log logger = LogFactory.getLog(PaidWebhookReceiver.class);

	private final WebhookSignatureVerifier verifier;

	private final WebhookStore store;

	private final JsonMapper mapper;

	private final WebhookObserver observer;

	private final Supplier<@Nullable PaidWebhookDispatcher> dispatcher;

	private final Clock clock;

	private final long maxBodyBytes;

	private volatile long lastStoreErrorLog;

	/**
	 * Create the receiver.
	 * @param inbox the inbox deliveries are recorded in
	 * @param settings secrets, tolerance and body limit
	 * @param mapper the mapper bodies are read with
	 * @param observer notified of outcomes
	 * @param dispatcher the local dispatcher, if any, that a new delivery is handed to after its commit
	 * @param clock the clock timestamps are checked against
	 */
	public PaidWebhookReceiver(PaidWebhookInbox inbox, WebhookReceiverSettings settings, JsonMapper mapper,
			WebhookObserver observer, Supplier<@Nullable PaidWebhookDispatcher> dispatcher, Clock clock) {
		this.verifier = new WebhookSignatureVerifier(settings.secrets(), settings.tolerance(), clock);
		this.store = inbox.store();
		this.mapper = mapper;
		this.observer = observer;
		this.dispatcher = dispatcher;
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
		PaidWebhookDispatcher local = this.dispatcher.get();
		String lease = (local != null) ? local.reserve() : null;
		long now = this.clock.millis();
		String text = new String(body, StandardCharsets.UTF_8);
		long id;
		try {
			// one statement, committed on its own unless the caller runs a transaction on this data source
			id = this.store.record(envelope.dedupKey(), envelope.event(), text, now, lease,
					(local != null) ? local.leaseUntil(now) : 0);
		}
		catch (DataAccessException ex) {
			if (lease != null) {
				local.cancel();
			}
			this.observer.rejected(WebhookRejection.UNAVAILABLE);
			logStoreError(ex);
			return WebhookReceipt.UNAVAILABLE;
		}
		catch (RuntimeException ex) {
			if (lease != null) {
				local.cancel();
			}
			throw ex;
		}
		boolean created = id >= 0;
		this.observer.received(WebhookObserver.tag(envelope.event()), !created);
		if (local != null) {
			ClaimedWebhook row = (created && lease != null)
					? new ClaimedWebhook(id, envelope.dedupKey(), envelope.event(), text, 1, lease) : null;
			afterCommit(local, row, lease != null, created, envelope);
		}
		return created ? WebhookReceipt.ACCEPTED : WebhookReceipt.DUPLICATE;
	}

	// a leased row goes straight to a worker; an unleased new one (all workers busy) wakes the claim loop
	private static void afterCommit(PaidWebhookDispatcher local, @Nullable ClaimedWebhook row, boolean reserved,
			boolean created, WebhookEnvelope envelope) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			finish(local, row, reserved, created, envelope, true);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				finish(local, row, reserved, created, envelope, status == STATUS_COMMITTED);
			}
		});
	}

	private static void finish(PaidWebhookDispatcher local, @Nullable ClaimedWebhook row, boolean reserved,
			boolean created, WebhookEnvelope envelope, boolean committed) {
		if (committed && row != null) {
			local.handOver(row, envelope);
			return;
		}
		if (reserved) {
			local.cancel();
		}
		if (committed && created) {
			local.wakeUp();
		}
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
