package ai.paid.spring.cost;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * Transactional costs on MariaDB.
 */
class MariaDbTransactionalCostsTests extends AbstractTransactionalCostsTests {

	private static final TestDatabase database = TestDatabases.mariadb().withFreshSchema();

	@Override
	protected TestDatabase database() {
		return database;
	}

}
