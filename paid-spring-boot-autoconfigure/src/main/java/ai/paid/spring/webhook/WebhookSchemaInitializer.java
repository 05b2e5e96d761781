package ai.paid.spring.webhook;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/**
 * Runs the webhook inbox's schema script ({@code paid_webhook_inbox}) for the application's database on startup,
 * according to {@code paid.webhooks.initialize-schema}. The scripts are idempotent.
 */
public final class WebhookSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	/**
	 * Create an initializer.
	 * @param dataSource the application's data source
	 * @param mode when to run the script
	 */
	public WebhookSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
		super(dataSource, settings(dataSource, mode));
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		if (mode != DatabaseInitializationMode.NEVER) {
			settings.setSchemaLocations(List.of(WebhookDialect.of(dataSource).scriptLocation()));
		}
		return settings;
	}

}
