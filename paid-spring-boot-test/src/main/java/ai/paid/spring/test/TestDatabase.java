package ai.paid.spring.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database for an integration test, as handed out by {@link TestDatabases}: its JDBC URL and credentials, a
 * {@link DataSource}, and the matching Spring Boot {@code spring.datasource.*} properties.
 * <p>
 * The {@link #dataSource()} is unpooled (Spring's {@link DriverManagerDataSource}, one physical connection per
 * {@code getConnection()}); it needs {@code spring-jdbc} and the JDBC driver on the test class path.
 */
public final class TestDatabase {

	/**
	 * The kind of database.
	 */
	public enum Kind {

		/** PostgreSQL. */
		POSTGRESQL("org.postgresql.Driver"),

		/** MariaDB. */
		MARIADB("org.mariadb.jdbc.Driver"),

		/** H2, in memory. */
		H2("org.h2.Driver");

		private final String driverClassName;

		Kind(String driverClassName) {
			this.driverClassName = driverClassName;
		}

		/**
		 * Return the class name of the JDBC driver for this kind of database.
		 * @return the driver class name
		 */
		public String driverClassName() {
			return this.driverClassName;
		}

	}

	private final Kind kind;

	private final String jdbcUrl;

	private final @Nullable String username;

	private final @Nullable String password;

	private volatile @Nullable DataSource dataSource;

	TestDatabase(Kind kind, String jdbcUrl, @Nullable String username, @Nullable String password) {
		this.kind = kind;
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
	}

	/**
	 * Create a database description from a JDBC URL, taking the username and password from its {@code user} and
	 * {@code password} query parameters when present.
	 * @param kind the kind of database
	 * @param jdbcUrl the JDBC URL
	 * @return the database
	 */
	static TestDatabase fromUrl(Kind kind, String jdbcUrl) {
		Map<String, String> query = queryParameters(jdbcUrl);
		return new TestDatabase(kind, jdbcUrl, query.get("user"), query.getOrDefault("password",
				query.containsKey("user") ? "" : null));
	}

	private static Map<String, String> queryParameters(String jdbcUrl) {
		Map<String, String> parameters = new LinkedHashMap<>();
		int start = jdbcUrl.indexOf('?');
		if (start < 0) {
			return parameters;
		}
		for (String pair : jdbcUrl.substring(start + 1).split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				parameters.put(pair.substring(0, eq), decode(pair.substring(eq + 1)));
			}
		}
		return parameters;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Return the kind of database.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Return the JDBC URL.
	 * @return the JDBC URL
	 */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	/**
	 * Return the username, or {@code null} when the URL carries none and the driver's default applies.
	 * @return the username
	 */
	public @Nullable String username() {
		return this.username;
	}

	/**
	 * Return the password, or {@code null} when none is needed.
	 * @return the password
	 */
	public @Nullable String password() {
		return this.password;
	}

	/**
	 * Return an unpooled {@link DataSource} for this database (created once, then reused).
	 * @return the data source
	 */
	public DataSource dataSource() {
		DataSource result = this.dataSource;
		if (result == null) {
			DriverManagerDataSource created = new DriverManagerDataSource(this.jdbcUrl);
			created.setDriverClassName(this.kind.driverClassName());
			if (this.username != null) {
				created.setUsername(this.username);
			}
			if (this.password != null) {
				created.setPassword(this.password);
			}
			this.dataSource = created;
			result = created;
		}
		return result;
	}

	/**
	 * Return a database with a new, empty schema of its own on the same server: a PostgreSQL schema (selected with
	 * {@code currentSchema}), a MariaDB database (needs the {@code CREATE} privilege), or a fresh H2 database. Use it
	 * when tests create tables and may run at the same time as other test runs against the same server. The schema
	 * is dropped when the JVM exits.
	 * @return the isolated database
	 * @throws IllegalStateException if the schema cannot be created
	 */
	public TestDatabase withFreshSchema() {
		return IsolatedSchemas.create(this);
	}

	/**
	 * Return the Spring Boot properties that point {@code spring.datasource} at this database.
	 * @return the properties, in a stable order
	 */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", this.jdbcUrl);
		properties.put("spring.datasource.driver-class-name", this.kind.driverClassName());
		if (this.username != null) {
			properties.put("spring.datasource.username", this.username);
		}
		if (this.password != null) {
			properties.put("spring.datasource.password", this.password);
		}
		return properties;
	}

	/**
	 * Return {@link #properties()} as {@code key=value} pairs, ready for
	 * {@code ApplicationContextRunner.withPropertyValues(...)} or {@code @SpringBootTest(properties = ...)}.
	 * @return the property pairs
	 */
	public String[] propertyValues() {
		return properties().entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	/**
	 * Add {@link #properties()} to a registry, for use from a {@code @DynamicPropertySource} method.
	 * @param registry the registry
	 */
	public void registerProperties(DynamicPropertyRegistry registry) {
		properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	@Override
	public String toString() {
		return "TestDatabase[" + this.kind + " " + withoutQuery(this.jdbcUrl) + "]";
	}

	private static String withoutQuery(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query);
	}

}
