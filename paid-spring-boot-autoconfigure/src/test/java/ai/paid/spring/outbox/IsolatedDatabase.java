package ai.paid.spring.outbox;

import java.util.UUID;

import javax.sql.DataSource;

import ai.paid.spring.test.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A schema (PostgreSQL) or database (MariaDB) of its own inside a {@link TestDatabase}, so that test runs sharing one
 * server (parallel builds on a developer machine) never truncate each other's outbox tables. H2 databases are private
 * already.
 */
final class IsolatedDatabase {

	private final TestDatabase database;

	private final String name = "paid_outbox_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private final String jdbcUrl;

	private final DataSource dataSource;

	IsolatedDatabase(TestDatabase database) {
		this.database = database;
		JdbcTemplate admin = new JdbcTemplate(database.dataSource());
		switch (database.kind()) {
			case POSTGRESQL -> {
				admin.execute("CREATE SCHEMA " + this.name);
				this.jdbcUrl = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema="
						+ this.name;
			}
			case MARIADB -> {
				admin.execute("CREATE DATABASE " + this.name);
				this.jdbcUrl = database.jdbcUrl().replaceFirst("^(jdbc:mariadb://[^/]+/)[^?]*", "$1" + this.name);
			}
			default -> this.jdbcUrl = database.jdbcUrl();
		}
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.jdbcUrl);
		dataSource.setDriverClassName(database.kind().driverClassName());
		if (database.username() != null) {
			dataSource.setUsername(database.username());
		}
		if (database.password() != null) {
			dataSource.setPassword(database.password());
		}
		this.dataSource = dataSource;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	String[] propertyValues() {
		return java.util.stream.Stream.of(this.database.propertyValues())
			.map((property) -> property.startsWith("spring.datasource.url=") ? "spring.datasource.url=" + this.jdbcUrl
					: property)
			.toArray(String[]::new);
	}

	void drop() {
		JdbcTemplate admin = new JdbcTemplate(this.database.dataSource());
		switch (this.database.kind()) {
			case POSTGRESQL -> admin.execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
			case MARIADB -> admin.execute("DROP DATABASE IF EXISTS " + this.name);
			default -> {
			}
		}
	}

}
