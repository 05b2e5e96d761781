package ai.paid.spring.outbox;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * Lanes claimed with their heads and completed in batches, on an in-memory H2 database.
 */
class H2LaneBatchTests extends AbstractLaneBatchTests {

	@Override
	protected TestDatabase database() {
		return TestDatabases.h2();
	}

}
