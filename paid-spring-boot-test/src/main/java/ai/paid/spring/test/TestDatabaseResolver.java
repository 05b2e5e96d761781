package ai.paid.spring.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a database of a given kind: from an environment variable, else from a container, else fails with a message
 * that says how to provide one. Results are cached per kind.
 */
final class TestDatabaseResolver {

	/**
	 * Starts a database in a container, if it can.
	 */
	interface ContainerLauncher {

		/**
		 * Return whether containers can be started here.
		 * @return {@code true} if Testcontainers is present and Docker is available
		 */
		boolean isAvailable();

		/**
		 * Start a container of the given kind.
		 * @param kind the kind of database
		 * @return the running database
		 */
		TestDatabase start(TestDatabase.Kind kind);

	}

	private final Map<String, String> environment;

	private final ContainerLauncher containers;

	private final Map<TestDatabase.Kind, TestDatabase> resolved = new ConcurrentHashMap<>();

	TestDatabaseResolver(Map<String, String> environment, ContainerLauncher containers) {
		this.environment = environment;
		this.containers = containers;
	}

	TestDatabase resolve(TestDatabase.Kind kind) {
		return this.resolved.computeIfAbsent(kind, this::find);
	}

	private TestDatabase find(TestDatabase.Kind kind) {
		String variable = environmentVariable(kind);
		String url = this.environment.get(variable);
		if (url != null && !url.isBlank()) {
			return TestDatabase.fromUrl(kind, url.trim());
		}
		if (this.containers.isAvailable()) {
			return this.containers.start(kind);
		}
		throw new IllegalStateException("No " + kind + " database for tests: set the environment variable " + variable
				+ " to a JDBC URL (e.g. " + exampleUrl(kind) + ") or start Docker so that Testcontainers can run one");
	}

	static String environmentVariable(TestDatabase.Kind kind) {
		switch (kind) {
			case POSTGRESQL:
				return TestDatabases.POSTGRESQL_URL_ENV;
			case MARIADB:
				return TestDatabases.MARIADB_URL_ENV;
			default:
				throw new IllegalArgumentException("No environment variable for " + kind);
		}
	}

	private static String exampleUrl(TestDatabase.Kind kind) {
		return (kind == TestDatabase.Kind.POSTGRESQL) ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
				: "jdbc:mariadb://127.0.0.1:3306/test?user=root";
	}

}
