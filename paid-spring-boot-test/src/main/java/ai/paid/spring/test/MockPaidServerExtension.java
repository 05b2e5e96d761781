package ai.paid.spring.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link MockPaidServer} for a test class and resets it (state, recorded requests,
 * faults, switches) before each test. Use it either way:
 * <pre class="code">
 * &#64;ExtendWith(MockPaidServerExtension.class)
 * class MyTests {
 *     &#64;Test
 *     void works(MockPaidServer paid) { ... paid.baseUrl() ... }
 * }
 *
 * class MyOtherTests {
 *     &#64;RegisterExtension
 *     static final MockPaidServerExtension paid = new MockPaidServerExtension();
 *
 *     &#64;Test
 *     void works() { ... paid.server().baseUrl() ... }
 * }
 * </pre>
 * Registered on a {@code static} field or with {@code @ExtendWith}, one server serves the whole class (and its
 * {@code @Nested} classes); registered on an instance field, each test gets its own. Tests of one class share the
 * server, so do not run them concurrently. Register only one such extension per test class if tests take a
 * {@code MockPaidServer} parameter (two would compete to resolve it).
 */
public final class MockPaidServerExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

	private final String apiKey;

	private @Nullable MockPaidServer server;

	/** How many test classes (outer plus @Nested) currently use the server. */
	private int classDepth;

	/**
	 * Create an extension whose server expects the {@link MockPaidServer#DEFAULT_API_KEY}.
	 */
	public MockPaidServerExtension() {
		this(MockPaidServer.DEFAULT_API_KEY);
	}

	/**
	 * Create an extension whose server expects the given API key.
	 * @param apiKey the API key
	 */
	public MockPaidServerExtension(String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * Return the running server, starting it if needed.
	 * @return the server
	 */
	public synchronized MockPaidServer server() {
		MockPaidServer current = this.server;
		if (current == null) {
			current = new MockPaidServer(this.apiKey).start();
			this.server = current;
		}
		return current;
	}

	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		this.classDepth++;
		server();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server().reset();
	}

	@Override
	public synchronized void afterEach(ExtensionContext context) {
		if (this.classDepth == 0) {
			stop();
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		this.classDepth--;
		if (this.classDepth == 0) {
			stop();
		}
	}

	private synchronized void stop() {
		MockPaidServer current = this.server;
		this.server = null;
		if (current != null) {
			current.stop();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == MockPaidServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server();
	}

}
