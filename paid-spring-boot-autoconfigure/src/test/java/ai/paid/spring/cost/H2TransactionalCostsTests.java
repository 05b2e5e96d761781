package ai.paid.spring.cost;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * Transactional costs on H2.
 */
class H2TransactionalCostsTests extends AbstractTransactionalCostsTests {

	private static final TestDatabase database = TestDatabases.h2();

	@Override
	protected TestDatabase database() {
		return database;
	}

}
