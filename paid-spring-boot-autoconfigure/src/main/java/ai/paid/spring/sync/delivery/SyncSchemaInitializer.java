package ai.paid.spring.sync.delivery;

import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Runs the sync's schema script ({@code paid_sync_link}, {@code paid_sync_backfill}) for the application's database
 * on startup, with the same mode as the outbox's script. The scripts are idempotent.
 */
public final class SyncSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	private static final Set<DatabaseDriver> SCRIPTS = EnumSet.of(DatabaseDriver.POSTGRESQL, DatabaseDriver.MARIADB,
			DatabaseDriver.MYSQL, DatabaseDriver.H2);

	/**
	 * Create an initializer.
	 * @param dataSource the application's data source
	 * @param mode when to run the script
	 */
	public SyncSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
		super(dataSource, settings(dataSource, mode));
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		if (mode != DatabaseInitializationMode.NEVER) {
			settings.setSchemaLocations(List.of(scriptLocation(dataSource)));
		}
		return settings;
	}

	static String scriptLocation(DataSource dataSource) {
		return "classpath:ai/paid/spring/sync/schema-" + databaseName(dataSource) + ".sql";
	}

	private static String databaseName(DataSource dataSource) {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Paid sync could not read the database product name", ex);
		}
		DatabaseDriver driver = DatabaseDriver.fromProductName(product);
		if (!SCRIPTS.contains(driver)) {
			throw new IllegalStateException("Paid sync has schema scripts for PostgreSQL, MariaDB, MySQL and H2, not "
					+ "for '" + product + "'; create tables paid_sync_link and paid_sync_backfill yourself from one "
					+ "of them");
		}
		return driver.getId();
	}

}
