package ai.paid.spring.outbox;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

/**
 * The outbox integration suite on PostgreSql.
 */
class PostgreSqlOutboxIntegrationTests extends AbstractOutboxIntegrationTests {

	@Override
	protected TestDatabase database() {
		return TestDatabases.postgresql();
	}

}
