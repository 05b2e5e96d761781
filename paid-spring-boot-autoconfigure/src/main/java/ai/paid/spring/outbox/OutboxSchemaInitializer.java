package ai.paid.spring.outbox;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/**
 * Runs the outbox's schema script for the application's database on startup, like Boot's other JDBC features: by
 * default only for embedded databases. The scripts are idempotent, so {@code always} is safe on every start.
 */
public final class OutboxSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	/**
	 * Create an initializer.
	 * @param dataSource the application's data source
	 * @param mode when to run the script
	 */
	public OutboxSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
		super(dataSource, settings(dataSource, mode));
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		if (mode != DatabaseInitializationMode.NEVER) {
			settings.setSchemaLocations(List.of(scriptLocation(OutboxDialect.of(dataSource))));
		}
		return settings;
	}

	static String scriptLocation(OutboxDialect dialect) {
		return "classpath:ai/paid/spring/outbox/schema-" + dialect.name() + ".sql";
	}

}
