package ai.paid.spring.sync.jpa;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * Backfill on MariaDB, with fewer accounts than on PostgreSQL: it checks the SQL, not the scale.
 */
class MariaDbPaidSyncBackfillTests extends AbstractPaidSyncBackfillTests {

	@Override
	protected TestDatabase database() {
		return TestDatabases.mariadb().withFreshSchema();
	}

	@Override
	protected int accounts() {
		return 300;
	}

}
