package ai.paid.spring.webhook;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;

class H2WebhookBatchTests extends AbstractWebhookBatchTests {

	@Override
	protected TestDatabase database() {
		return TestDatabases.h2();
	}

}
