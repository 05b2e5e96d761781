package ai.paid.spring.test;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link MockPaidServer} standalone until the process is stopped.
 * <p>
 * The port is the first argument, else the {@code PORT} environment variable, else 8089. The API key is
 * {@code PAID_MOCK_API_KEY}, else {@value MockPaidServer#DEFAULT_API_KEY}. The bind address is
 * {@code PAID_MOCK_HOST}, else {@code 127.0.0.1}. Prints the base URL once listening.
 */
public final class MockPaidServerMain {

	private MockPaidServerMain() {
	}

	/**
	 * Start the server and wait until the JVM is shut down.
	 * @param args an optional port
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		int port = Integer.parseInt((args.length > 0) ? args[0] : env("PORT", "8089"));
		String apiKey = env("PAID_MOCK_API_KEY", MockPaidServer.DEFAULT_API_KEY);
		String host = env("PAID_MOCK_HOST", "127.0.0.1");
		MockPaidServer server = new MockPaidServer(host, port, apiKey).start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.stop();
			stopped.countDown();
		}, "paid-mock-shutdown"));
		System.out.println("Mock Paid server listening at " + server.baseUrl()
				+ (apiKey.equals(MockPaidServer.DEFAULT_API_KEY) ? " (API key: " + apiKey + ")"
						: " (API key from PAID_MOCK_API_KEY)"));
		stopped.await();
	}

	private static String env(String name, String defaultValue) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : defaultValue;
	}

}
