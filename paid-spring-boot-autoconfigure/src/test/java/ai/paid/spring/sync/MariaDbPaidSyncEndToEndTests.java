package ai.paid.spring.sync;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

class MariaDbPaidSyncEndToEndTests extends AbstractPaidSyncEndToEndTests {

	@Override
	protected TestDatabase database() {
		return TestDatabases.mariadb().withFreshSchema();
	}

}
