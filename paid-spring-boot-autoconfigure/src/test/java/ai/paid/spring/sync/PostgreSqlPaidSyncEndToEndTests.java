package ai.paid.spring.sync;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

class PostgreSqlPaidSyncEndToEndTests extends AbstractPaidSyncEndToEndTests {

	@Override
	protected TestDatabase database() {
		return TestDatabases.postgresql().withFreshSchema();
	}

}
