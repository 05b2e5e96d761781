package ai.paid.spring.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Creates a new, empty schema (PostgreSQL) or database (MariaDB) inside a {@link TestDatabase}, so test runs that
 * share one server do not see each other's tables. They are dropped when the JVM exits (best effort).
 */
final class IsolatedSchemas {

	private static final List<Runnable> cleanups = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> cleanups.forEach(IsolatedSchemas::quietly), "paid-test-schema-cleanup"));
	}

	private IsolatedSchemas() {
	}

	static TestDatabase create(TestDatabase database) {
		if (database.kind() == TestDatabase.Kind.H2) {
			return TestDatabases.h2();
		}
		String name = "paid_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		boolean postgresql = database.kind() == TestDatabase.Kind.POSTGRESQL;
		String create = postgresql ? "create schema " + name : "create database " + name;
		String drop = postgresql ? "drop schema if exists " + name + " cascade" : "drop database if exists " + name;
		execute(database, create);
		cleanups.add(() -> execute(database, drop));
		String url = postgresql ? withParameter(database.jdbcUrl(), "currentSchema", name)
				: withDatabaseName(database.jdbcUrl(), name);
		return new TestDatabase(database.kind(), url, database.username(), database.password());
	}

	static String withParameter(String url, String name, String value) {
		return url + ((url.indexOf('?') < 0) ? "?" : "&") + name + "=" + value;
	}

	/** Replace the path of {@code jdbc:mariadb://host:port/db?query} with {@code database}. */
	static String withDatabaseName(String url, String database) {
		int hostStart = url.indexOf("//");
		int pathStart = url.indexOf('/', hostStart + 2);
		int queryStart = url.indexOf('?');
		String query = (queryStart < 0) ? "" : url.substring(queryStart);
		String base = (pathStart < 0) ? ((queryStart < 0) ? url : url.substring(0, queryStart))
				: url.substring(0, pathStart);
		return base + "/" + database + query;
	}

	private static void execute(TestDatabase database, String sql) {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + database + ": " + ex.getMessage(), ex);
		}
	}

	private static void quietly(Runnable cleanup) {
		try {
			cleanup.run();
		}
		catch (RuntimeException ex) {
			// best effort: the test database is disposable
		}
	}

}
