package ai.paid.spring.test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link TestDatabaseResolver}, with an injected environment and container launcher.
 */
class TestDatabaseResolverTests {

	@Test
	void environmentVariableWinsOverContainers() {
		FakeContainers containers = new FakeContainers(true);
		TestDatabaseResolver resolver = new TestDatabaseResolver(
				Map.of("PAID_TEST_POSTGRESQL_URL", "jdbc:postgresql://db:5432/test?user=postgres"), containers);
		TestDatabase database = resolver.resolve(TestDatabase.Kind.POSTGRESQL);
		assertThat(database.kind()).isEqualTo(TestDatabase.Kind.POSTGRESQL);
		assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/test?user=postgres");
		assertThat(database.username()).isEqualTo("postgres");
		assertThat(database.password()).isEmpty();
		assertThat(containers.started).hasValue(0);
	}

	@Test
	void credentialsAreTakenFromTheUrlQuery() {
		TestDatabaseResolver resolver = new TestDatabaseResolver(
				Map.of("PAID_TEST_MARIADB_URL", "jdbc:mariadb://db:3306/test?user=root&password=s%26cret"),
				new FakeContainers(false));
		TestDatabase database = resolver.resolve(TestDatabase.Kind.MARIADB);
		assertThat(database.username()).isEqualTo("root");
		assertThat(database.password()).isEqualTo("s&cret");
	}

	@Test
	void urlWithoutCredentialsLeavesThemToTheDriver() {
		TestDatabaseResolver resolver = new TestDatabaseResolver(
				Map.of("PAID_TEST_POSTGRESQL_URL", "jdbc:postgresql://db:5432/test"), new FakeContainers(false));
		TestDatabase database = resolver.resolve(TestDatabase.Kind.POSTGRESQL);
		assertThat(database.username()).isNull();
		assertThat(database.password()).isNull();
		assertThat(database.properties()).containsOnlyKeys("spring.datasource.url",
				"spring.datasource.driver-class-name");
	}

	@Test
	void containerIsStartedOnceWhenNoVariableIsSetAndDockerIsAvailable() {
		FakeContainers containers = new FakeContainers(true);
		TestDatabaseResolver resolver = new TestDatabaseResolver(Map.of(), containers);
		TestDatabase first = resolver.resolve(TestDatabase.Kind.MARIADB);
		TestDatabase second = resolver.resolve(TestDatabase.Kind.MARIADB);
		assertThat(first).isSameAs(second);
		assertThat(first.jdbcUrl()).isEqualTo("jdbc:container:MARIADB");
		assertThat(containers.started).hasValue(1);
	}

	@Test
	void blankVariableCountsAsUnset() {
		FakeContainers containers = new FakeContainers(true);
		TestDatabaseResolver resolver = new TestDatabaseResolver(Map.of("PAID_TEST_POSTGRESQL_URL", " "), containers);
		assertThat(resolver.resolve(TestDatabase.Kind.POSTGRESQL).jdbcUrl()).isEqualTo("jdbc:container:POSTGRESQL");
	}

	@Test
	void failsWithInstructionsWhenNeitherVariableNorDockerIsAvailable() {
		TestDatabaseResolver resolver = new TestDatabaseResolver(Map.of(), new FakeContainers(false));
		assertThatIllegalStateException().isThrownBy(() -> resolver.resolve(TestDatabase.Kind.POSTGRESQL))
			.withMessageContaining("PAID_TEST_POSTGRESQL_URL")
			.withMessageContaining("start Docker");
		assertThatIllegalStateException().isThrownBy(() -> resolver.resolve(TestDatabase.Kind.MARIADB))
			.withMessageContaining("PAID_TEST_MARIADB_URL");
	}

	@Test
	void propertiesPointSpringDatasourceAtTheDatabase() {
		TestDatabase database = TestDatabase.fromUrl(TestDatabase.Kind.POSTGRESQL,
				"jdbc:postgresql://db:5432/test?user=postgres");
		assertThat(database.propertyValues()).containsExactly(
				"spring.datasource.url=jdbc:postgresql://db:5432/test?user=postgres",
				"spring.datasource.driver-class-name=org.postgresql.Driver", "spring.datasource.username=postgres",
				"spring.datasource.password=");
	}

	@Test
	void isolatedUrlsSelectTheNewSchemaOrDatabase() {
		assertThat(IsolatedSchemas.withParameter("jdbc:postgresql://db:5432/test?user=postgres", "currentSchema", "s"))
			.isEqualTo("jdbc:postgresql://db:5432/test?user=postgres&currentSchema=s");
		assertThat(IsolatedSchemas.withParameter("jdbc:postgresql://db/test", "currentSchema", "s"))
			.isEqualTo("jdbc:postgresql://db/test?currentSchema=s");
		assertThat(IsolatedSchemas.withDatabaseName("jdbc:mariadb://db:3306/test?user=root", "p1"))
			.isEqualTo("jdbc:mariadb://db:3306/p1?user=root");
		assertThat(IsolatedSchemas.withDatabaseName("jdbc:mariadb://db:3306", "p1")).isEqualTo("jdbc:mariadb://db:3306/p1");
	}

	@Test
	void h2DatabasesAreDistinct() {
		assertThat(TestDatabases.h2().jdbcUrl()).isNotEqualTo(TestDatabases.h2().jdbcUrl());
	}

	static final class FakeContainers implements TestDatabaseResolver.ContainerLauncher {

		private final boolean available;

		final AtomicInteger started = new AtomicInteger();

		FakeContainers(boolean available) {
			this.available = available;
		}

		@Override
		public boolean isAvailable() {
			return this.available;
		}

		@Override
		public TestDatabase start(TestDatabase.Kind kind) {
			this.started.incrementAndGet();
			return new TestDatabase(kind, "jdbc:container:" + kind, "test", "test");
		}

	}

}
