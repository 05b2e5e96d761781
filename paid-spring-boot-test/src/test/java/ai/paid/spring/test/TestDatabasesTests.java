package ai.paid.spring.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link TestDatabases} hands out working databases. PostgreSQL and MariaDB come from
 * {@code PAID_TEST_POSTGRESQL_URL} / {@code PAID_TEST_MARIADB_URL} (set by {@code .ci/run}) or Docker; without
 * either these tests fail with a message saying so.
 */
class TestDatabasesTests {

	@Test
	void postgresqlAnswersAQuery() throws SQLException {
		TestDatabase database = TestDatabases.postgresql();
		assertThat(database.kind()).isEqualTo(TestDatabase.Kind.POSTGRESQL);
		assertThat(selectOne(database)).isEqualTo(1);
	}

	@Test
	void mariadbAnswersAQuery() throws SQLException {
		TestDatabase database = TestDatabases.mariadb();
		assertThat(database.kind()).isEqualTo(TestDatabase.Kind.MARIADB);
		assertThat(selectOne(database)).isEqualTo(1);
	}

	@Test
	void h2AnswersAQueryAndKeepsDataBetweenConnections() throws SQLException {
		TestDatabase database = TestDatabases.h2();
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table t (id int)");
		}
		assertThat(new JdbcTemplate(database.dataSource()).queryForObject("select count(*) from t", Integer.class))
			.isZero();
	}

	@Test
	void propertyValuesConfigureSpringBootsDataSource() {
		TestDatabase database = TestDatabases.postgresql();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues(database.propertyValues())
			.run((context) -> assertThat(new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
				.queryForObject("select 1", Integer.class)).isEqualTo(1));
	}

	@Test
	void postgresqlFreshSchemasDoNotSeeEachOthersTables() {
		TestDatabase first = TestDatabases.postgresql().withFreshSchema();
		TestDatabase second = TestDatabases.postgresql().withFreshSchema();
		new JdbcTemplate(first.dataSource()).execute("create table isolated (id int)");
		assertThat(count(first, "isolated")).isZero();
		assertThat(new JdbcTemplate(second.dataSource())
			.queryForObject("select count(*) from information_schema.tables where table_name = 'isolated' "
					+ "and table_schema = current_schema()", Integer.class)).isZero();
	}

	@Test
	void mariadbFreshSchemasDoNotSeeEachOthersTables() {
		TestDatabase first = TestDatabases.mariadb().withFreshSchema();
		TestDatabase second = TestDatabases.mariadb().withFreshSchema();
		new JdbcTemplate(first.dataSource()).execute("create table isolated (id int)");
		assertThat(count(first, "isolated")).isZero();
		assertThat(new JdbcTemplate(second.dataSource())
			.queryForObject("select count(*) from information_schema.tables where table_name = 'isolated' "
					+ "and table_schema = database()", Integer.class)).isZero();
	}

	private static int count(TestDatabase database, String table) {
		return new JdbcTemplate(database.dataSource()).queryForObject("select count(*) from " + table, Integer.class);
	}

	private static int selectOne(TestDatabase database) throws SQLException {
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select 1")) {
			result.next();
			return result.getInt(1);
		}
	}

}
