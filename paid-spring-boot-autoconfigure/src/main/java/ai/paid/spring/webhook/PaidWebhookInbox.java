package ai.paid.spring.webhook;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook inbox table {@code paid_webhook_inbox} in the application's database, shared by the receiver, the
 * dispatcher and the admin. Build it once per data source.
 */
public final class PaidWebhookInbox {

	private final WebhookStore store;

	private final TransactionOperations transactions;

	/**
	 * Create the inbox on a data source; reads the database product to pick its SQL.
	 * @param dataSource the application's data source
	 * @throws IllegalStateException for a database without a script
	 */
	public PaidWebhookInbox(DataSource dataSource) {
		this.store = new WebhookStore(dataSource, WebhookDialect.of(dataSource));
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	WebhookStore store() {
		return this.store;
	}

	/**
	 * Transactions for the inbox's own statements (receipts, claims): plain JDBC ones on its data source, which join
	 * a transaction the application's transaction manager (JDBC or JPA) already runs on that data source.
	 */
	TransactionOperations transactions() {
		return this.transactions;
	}

	/**
	 * Where the schema script for this database is.
	 * @return the resource location
	 */
	public String scriptLocation() {
		return this.store.dialect().scriptLocation();
	}

}
