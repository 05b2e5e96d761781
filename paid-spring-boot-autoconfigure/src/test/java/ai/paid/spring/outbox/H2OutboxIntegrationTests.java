package ai.paid.spring.outbox;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * The outbox integration suite on an in-memory H2 database.
 */
class H2OutboxIntegrationTests extends AbstractOutboxIntegrationTests {

	private static final TestDatabase DATABASE = TestDatabases.h2();

	@Override
	protected TestDatabase database() {
		return DATABASE;
	}

}
