package ai.paid.spring.outbox;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fails startup, with what to do about it, when the outbox tables are missing, instead of failing the first
 * transaction that enqueues a change.
 */
public final class OutboxSchemaValidator implements SmartInitializingSingleton {

	private static final List<String> TABLES = List.of("paid_sync_outbox", "paid_sync_lane");

	private final DataSource dataSource;

	/**
	 * Create a validator.
	 * @param dataSource the application's data source
	 */
	public OutboxSchemaValidator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterSingletonsInstantiated() {
		validate();
	}

	/**
	 * Checks that every outbox table exists.
	 * @throws IllegalStateException naming the missing table, the script and the property when one is missing
	 */
	public void validate() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		for (String table : TABLES) {
			try {
				jdbc.queryForList("SELECT 1 FROM " + table + " WHERE 1 = 0");
			}
			catch (DataAccessException ex) {
				OutboxDialect dialect = OutboxDialect.of(this.dataSource);
				throw new IllegalStateException("Paid outbox table '" + table + "' is missing (" + ex.getMostSpecificCause()
					.getMessage() + "). Create the outbox tables with "
						+ OutboxSchemaInitializer.scriptLocation(dialect)
						+ " (copy it into a Flyway or Liquibase migration), or set paid.outbox.initialize-schema=always "
						+ "to run it on startup.", ex);
			}
		}
	}

}
