package ai.paid.spring.signal;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * Transactional signals on H2.
 */
class H2TransactionalSignalsTests extends AbstractTransactionalSignalsTests {

	private static final TestDatabase database = TestDatabases.h2();

	@Override
	protected TestDatabase database() {
		return database;
	}

}
