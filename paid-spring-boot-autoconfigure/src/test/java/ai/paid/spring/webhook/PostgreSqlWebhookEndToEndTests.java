package ai.paid.spring.webhook;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

class PostgreSqlWebhookEndToEndTests extends AbstractWebhookEndToEndTests {

	@Override
	protected TestDatabase database() {
		return TestDatabases.postgresql().withFreshSchema();
	}

}
