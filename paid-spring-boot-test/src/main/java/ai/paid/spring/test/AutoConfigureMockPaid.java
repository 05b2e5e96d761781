package ai.paid.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link MockPaidServer} for a Spring test's application context and points the Paid starter at it.
 * <p>
 * One server is started per application context (contexts with the same settings are cached and share it). It is
 * registered as a bean of type {@link MockPaidServer}, so tests can {@code @Autowired} it, and the properties
 * {@code paid.base-url} and {@code paid.api-key} are set to its base URL and key, and
 * {@code paid.webhooks.signing-secret} to its webhook signing secret. With a web server on a port
 * ({@code webEnvironment = RANDOM_PORT}), {@code paid.webhooks().send(...)} delivers signed webhooks to the
 * application's receiver. Properties given inline to the test
 * ({@code @SpringBootTest(properties = ...)}, {@code @TestPropertySource}) still win. The server stops when the
 * context is closed.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureMockPaid
 * class BillingTests {
 *     &#64;Autowired MockPaidServer paid;
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureMockPaid {

	/**
	 * API key the server expects and {@code paid.api-key} is set to.
	 * @return the API key
	 */
	String apiKey() default MockPaidServer.DEFAULT_API_KEY;

	/**
	 * Whether to {@link MockPaidServer#reset() reset} the server (state, recorded requests, faults, switches) before
	 * each test method.
	 * @return whether to reset before each test
	 */
	boolean resetBeforeEachTest() default true;

}
