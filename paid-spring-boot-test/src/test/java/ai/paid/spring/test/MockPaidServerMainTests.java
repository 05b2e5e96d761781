package ai.paid.spring.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MockPaidServerMain}'s configuration.
 */
class MockPaidServerMainTests {

	@Test
	void portComesFromTheArgumentBeforeTheEnvironment() throws IOException {
		int argPort = freePort();
		try (MockPaidServer server = MockPaidServerMain.start(new String[] { String.valueOf(argPort) },
				Map.of("PORT", "1"))) {
			assertThat(server.port()).isEqualTo(argPort);
			assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + argPort + "/api/v2");
		}
	}

	@Test
	void portAndKeyComeFromTheEnvironment() throws IOException {
		int port = freePort();
		try (MockPaidServer server = MockPaidServerMain.start(new String[0],
				Map.of("PORT", String.valueOf(port), "PAID_MOCK_API_KEY", "sk_env"))) {
			assertThat(server.port()).isEqualTo(port);
			assertThat(server.apiKey()).isEqualTo("sk_env");
			assertThat(new PaidHttp(server).get("/customers/").status()).isEqualTo(200);
			assertThat(new PaidHttp(server).withKey(MockPaidServer.DEFAULT_API_KEY).get("/customers/").status())
				.isEqualTo(403);
		}
	}

	@Test
	void defaultsToTheTestKey() throws IOException {
		try (MockPaidServer server = MockPaidServerMain.start(new String[] { String.valueOf(freePort()) }, Map.of())) {
			assertThat(server.apiKey()).isEqualTo("test-key");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
