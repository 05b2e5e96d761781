package ai.paid.spring.sync.jpa;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * Backfill on PostgreSQL. The large test backfills {@code -Dpaid.backfill.accounts} accounts (default 1,000; the
 * 10,000-account case takes about four minutes on a loaded 2-core machine), each with a contact and an order.
 */
class PostgreSqlPaidSyncBackfillTests extends AbstractPaidSyncBackfillTests {

	@Override
	protected TestDatabase database() {
		return TestDatabases.postgresql().withFreshSchema();
	}

	@Override
	protected int accounts() {
		return Integer.getInteger("paid.backfill.accounts", 1_000);
	}

}
