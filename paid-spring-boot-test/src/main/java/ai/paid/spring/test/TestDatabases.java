package ai.paid.spring.test;

import java.util.UUID;

/**
 * The one place integration tests get a real database from.
 * <p>
 * {@link #postgresql()} and {@link #mariadb()} look, in this order, for:
 * <ol>
 * <li>the environment variable {@value #POSTGRESQL_URL_ENV} / {@value #MARIADB_URL_ENV} holding a JDBC URL (user
 * and password may be given as {@code user} and {@code password} query parameters);</li>
 * <li>a Testcontainers container, when Testcontainers is on the class path and Docker is available (started once
 * per JVM and shared);</li>
 * <li>otherwise they throw an {@link IllegalStateException} that says how to provide one. A test is never skipped
 * silently.</li>
 * </ol>
 * {@link #h2()} always returns a fresh in-memory H2 database.
 */
public final class TestDatabases {

	/** Environment variable with the JDBC URL of a PostgreSQL database for tests. */
	public static final String POSTGRESQL_URL_ENV = "PAID_TEST_POSTGRESQL_URL";

	/** Environment variable with the JDBC URL of a MariaDB database for tests. */
	public static final String MARIADB_URL_ENV = "PAID_TEST_MARIADB_URL";

	private static final TestDatabaseResolver resolver = new TestDatabaseResolver(System.getenv(),
			new TestcontainersLauncher());

	private TestDatabases() {
	}

	/**
	 * Return a PostgreSQL database.
	 * @return the database
	 * @throws IllegalStateException if none is configured and Docker is not available
	 */
	public static TestDatabase postgresql() {
		return resolver.resolve(TestDatabase.Kind.POSTGRESQL);
	}

	/**
	 * Return a MariaDB database.
	 * @return the database
	 * @throws IllegalStateException if none is configured and Docker is not available
	 */
	public static TestDatabase mariadb() {
		return resolver.resolve(TestDatabase.Kind.MARIADB);
	}

	/**
	 * Return a new, empty in-memory H2 database with a unique name. It lives until the JVM exits.
	 * @return the database
	 */
	public static TestDatabase h2() {
		String url = "jdbc:h2:mem:paid-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		return new TestDatabase(TestDatabase.Kind.H2, url, "sa", "");
	}

}
