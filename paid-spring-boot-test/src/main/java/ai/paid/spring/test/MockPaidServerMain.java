package ai.paid.spring.test;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link MockPaidServer} standalone until the process is stopped.
 * <p>
 * The port is the first argument, else the {@code PORT} environment variable, else 8089. The API key is
 * {@code PAID_MOCK_API_KEY}, else {@value MockPaidServer#DEFAULT_API_KEY}. The bind address is
 * {@code PAID_MOCK_HOST}, else {@code 127.0.0.1}. Prints the base URL once listening.
 */
public final class MockPaidServerMain {

	static final int DEFAULT_PORT = 8089;

	private MockPaidServerMain() {
	}

	/**
	 * Start the server and wait until the JVM is shut down.
	 * @param args an optional port
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		MockPaidServer server = start(args, System.getenv());
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.stop();
			stopped.countDown();
		}, "paid-mock-shutdown"));
		boolean defaultKey = server.apiKey().equals(MockPaidServer.DEFAULT_API_KEY);
		System.out.println("Mock Paid server listening at " + server.baseUrl()
				+ (defaultKey ? " (API key: " + server.apiKey() + ")" : " (API key from PAID_MOCK_API_KEY)"));
		stopped.await();
	}

	static MockPaidServer start(String[] args, Map<String, String> environment) {
		String port = (args.length > 0) ? args[0] : get(environment, "PORT", String.valueOf(DEFAULT_PORT));
		String apiKey = get(environment, "PAID_MOCK_API_KEY", MockPaidServer.DEFAULT_API_KEY);
		String host = get(environment, "PAID_MOCK_HOST", "127.0.0.1");
		return new MockPaidServer(host, Integer.parseInt(port), apiKey).start();
	}

	private static String get(Map<String, String> environment, String name, String defaultValue) {
		String value = environment.get(name);
		return (value != null && !value.isBlank()) ? value : defaultValue;
	}

}
