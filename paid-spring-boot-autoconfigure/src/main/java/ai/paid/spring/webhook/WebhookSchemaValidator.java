package ai.paid.spring.webhook;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;

/**
 * Fails startup, with what to do about it, when the inbox table {@code paid_webhook_inbox} is missing, instead of
 * answering Paid's first delivery with 503.
 */
public final class WebhookSchemaValidator implements SmartInitializingSingleton {

	private final WebhookStore store;

	/**
	 * Create the validator.
	 * @param inbox the inbox to check
	 */
	public WebhookSchemaValidator(PaidWebhookInbox inbox) {
		this.store = inbox.store();
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			this.store.check();
		}
		catch (DataAccessException ex) {
			throw new IllegalStateException("Paid webhook table 'paid_webhook_inbox' is missing ("
					+ ex.getMostSpecificCause().getMessage() + "). Create it with "
					+ this.store.dialect().scriptLocation()
					+ " (copy it into a Flyway or Liquibase migration), or set paid.webhooks.initialize-schema=always "
					+ "to run it on startup.", ex);
		}
	}

}
