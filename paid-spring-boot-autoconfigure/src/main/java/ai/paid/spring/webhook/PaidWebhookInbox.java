package ai.paid.spring.webhook;

import javax.sql.DataSource;

/**
 * The webhook inbox table {@code paid_webhook_inbox} in the application's database, shared by the receiver, the
 * dispatcher and the admin. Build it once per data source.
 */
public final class PaidWebhookInbox {

	private final WebhookStore store;

	/**
	 * Create the inbox on a data source; reads the database product to pick its SQL.
	 * @param dataSource the application's data source
	 * @throws IllegalStateException for a database without a script
	 */
	public PaidWebhookInbox(DataSource dataSource) {
		this.store = new WebhookStore(dataSource, WebhookDialect.of(dataSource));
	}

	WebhookStore store() {
		return this.store;
	}

	/**
	 * Where the schema script for this database is.
	 * @return the resource location
	 */
	public String scriptLocation() {
		return this.store.dialect().scriptLocation();
	}

}
