package ai.paid.spring.sync.delivery;

import javax.sql.DataSource;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fails startup, with what to do about it, when the sync's {@code paid_sync_link} table is missing, instead of failing
 * the first delivery. (The backfill checks its own progress table when it starts.)
 */
public final class SyncSchemaValidator implements SmartInitializingSingleton {

	private final DataSource dataSource;

	/**
	 * Create a validator.
	 * @param dataSource the application's data source
	 */
	public SyncSchemaValidator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterSingletonsInstantiated() {
		validate();
	}

	/**
	 * Checks that the link table exists.
	 * @throws IllegalStateException naming the table, the script and the property when it is missing
	 */
	public void validate() {
		try {
			new JdbcTemplate(this.dataSource).queryForList("SELECT 1 FROM paid_sync_link WHERE 1 = 0");
		}
		catch (DataAccessException ex) {
			throw new IllegalStateException("Paid sync table 'paid_sync_link' is missing ("
					+ ex.getMostSpecificCause().getMessage() + "). Create the sync tables with "
					+ SyncSchemaInitializer.scriptLocation(this.dataSource)
					+ " (copy it into a Flyway or Liquibase migration), or set paid.outbox.initialize-schema=always "
					+ "to run it with the outbox's script on startup.", ex);
		}
	}

}
