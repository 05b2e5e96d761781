package ai.paid.spring.signal;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * Transactional signals on PostgreSQL.
 */
class PostgreSqlTransactionalSignalsTests extends AbstractTransactionalSignalsTests {

	private static final TestDatabase database = TestDatabases.postgresql().withFreshSchema();

	@Override
	protected TestDatabase database() {
		return database;
	}

}
