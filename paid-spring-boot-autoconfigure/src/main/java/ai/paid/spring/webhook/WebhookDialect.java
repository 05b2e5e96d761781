package ai.paid.spring.webhook;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The databases the inbox has scripts for, and how each records a delivery without failing the transaction on a
 * duplicate key.
 */
enum WebhookDialect {

	/** {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING (xmax = 0)}. */
	POSTGRESQL("postgresql", " FOR UPDATE SKIP LOCKED"),

	/** {@code INSERT ... ON DUPLICATE KEY UPDATE} (1 row affected on insert, 2 on update). */
	MARIADB("mariadb", " FOR UPDATE SKIP LOCKED"),

	/** As MariaDB (MySQL 8.0+). */
	MYSQL("mysql", " FOR UPDATE SKIP LOCKED"),

	/** A plain insert; a duplicate key fails only that statement in H2, then the redelivery is counted. */
	H2("h2", " FOR UPDATE");

	private final String scriptName;

	private final String lockClause;

	WebhookDialect(String scriptName, String lockClause) {
		this.scriptName = scriptName;
		this.lockClause = lockClause;
	}

	String scriptLocation() {
		return "classpath:ai/paid/spring/webhook/schema-" + this.scriptName + ".sql";
	}

	String lockClause() {
		return this.lockClause;
	}

	static WebhookDialect of(DataSource dataSource) {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Paid webhooks could not read the database product name", ex);
		}
		DatabaseDriver driver = DatabaseDriver.fromProductName(product);
		return switch (driver) {
			case POSTGRESQL -> POSTGRESQL;
			case MARIADB -> MARIADB;
			case MYSQL -> MYSQL;
			case H2 -> H2;
			default -> throw new IllegalStateException("Paid webhooks have schema scripts for PostgreSQL, MariaDB, "
					+ "MySQL and H2, not for '" + product + "'; create table paid_webhook_inbox yourself from one of "
					+ "them and set paid.webhooks.initialize-schema=never");
		};
	}

}
