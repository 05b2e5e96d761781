package ai.paid.spring.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The only class that refers to Testcontainers types; loaded only when they are present. Containers live until the
 * JVM exits (Testcontainers' Ryuk removes them).
 */
final class TestcontainersDatabases {

	static final String POSTGRESQL_IMAGE = "postgres:17-alpine";

	static final String MARIADB_IMAGE = "mariadb:11.4";

	private TestcontainersDatabases() {
	}

	static boolean isDockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	static TestDatabase start(TestDatabase.Kind kind) {
		JdbcDatabaseContainer<?> container = create(kind);
		container.start();
		return new TestDatabase(kind, container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	@SuppressWarnings("resource")
	private static JdbcDatabaseContainer<?> create(TestDatabase.Kind kind) {
		switch (kind) {
			case POSTGRESQL:
				return new PostgreSQLContainer(POSTGRESQL_IMAGE);
			case MARIADB:
				return new MariaDBContainer(MARIADB_IMAGE);
			default:
				throw new IllegalArgumentException("No container for " + kind);
		}
	}

}
