package ai.paid.spring.test;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MockPaidServerExtension}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MockPaidServerExtensionTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension("sk_ext");

	static int firstPort;

	@Test
	@Order(1)
	void injectsTheRunningServer(MockPaidServer server) {
		assertThat(server).isSameAs(paid.server());
		assertThat(server.isRunning()).isTrue();
		assertThat(server.apiKey()).isEqualTo("sk_ext");
		firstPort = server.port();
		server.seedCustomer("Acme", "acme-1");
		server.failNext(1, 500);
		server.rejectUnknownFields(false);
	}

	@Test
	@Order(2)
	void resetsStateFaultsAndSwitchesButKeepsThePortBetweenTests(MockPaidServer server) {
		assertThat(server.port()).isEqualTo(firstPort);
		assertThat(server.customers()).isEmpty();
		PaidHttp http = new PaidHttp(server);
		assertThat(http.get("/customers/").status()).as("no leftover fault").isEqualTo(200);
		assertThat(http.post("/customers/", "{\"name\":\"A\",\"bogus\":1}").status()).as("strict again")
			.isEqualTo(400);
	}

	@Nested
	class NestedTests {

		@Test
		void shareTheOuterServer(MockPaidServer server) {
			assertThat(server.port()).isEqualTo(paid.server().port());
		}

	}

	@Nested
	class PerTestServer {

		@RegisterExtension
		final MockPaidServerExtension own = new MockPaidServerExtension();

		@Test
		void instanceFieldGetsItsOwnServer() {
			assertThat(this.own.server().port()).isNotEqualTo(paid.server().port());
			assertThat(this.own.server().apiKey()).isEqualTo(MockPaidServer.DEFAULT_API_KEY);
		}

	}

}
