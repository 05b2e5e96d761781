package ai.paid.spring.outbox;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * The outbox integration suite on MariaDb.
 */
class MariaDbOutboxIntegrationTests extends AbstractOutboxIntegrationTests {

	@Override
	protected TestDatabase database() {
		return TestDatabases.mariadb();
	}

}
