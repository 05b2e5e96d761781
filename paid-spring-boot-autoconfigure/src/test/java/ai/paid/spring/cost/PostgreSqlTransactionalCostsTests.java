package ai.paid.spring.cost;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * Transactional costs on PostgreSQL.
 */
class PostgreSqlTransactionalCostsTests extends AbstractTransactionalCostsTests {

	private static final TestDatabase database = TestDatabases.postgresql().withFreshSchema();

	@Override
	protected TestDatabase database() {
		return database;
	}

}
