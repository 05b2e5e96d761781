package ai.paid.spring.autoconfigure;



/**
 * The Paid starter cannot start with the given configuration: the API key is missing, or a property such as the base
 * URL is unusable. Reported at startup by {@link InvalidPaidConfigurationFailureAnalyzer}. Never carries the key.
 */
public class InvalidPaidConfigurationException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the property at fault, e.g. {@code paid.api-key}
	 * @param message what is wrong
	 * @param action what to do about it
	 */
	public InvalidPaidConfigurationException(String property, String message, String action) {
		super(message);
		this.property = property;
		this.action = action;
	}

	/**
	 * The property at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What to do to fix the configuration.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	static InvalidPaidConfigurationException missingApiKey() {
		return new InvalidPaidConfigurationException("paid.api-key",
				"No Paid API key is configured: paid.api-key is missing or blank and the PAID_API_KEY environment "
						+ "variable is not set, while the Paid starter is enabled.",
				"Set the paid.api-key property or the PAID_API_KEY environment variable to your Paid API key, "
						+ "or set paid.enabled=false to turn the Paid starter off. In tests (a @SpringBootTest such as "
						+ "contextLoads()), either annotate the test class with @AutoConfigureMockPaid from "
						+ "ai.paid.spring:paid-spring-boot-test (test scope), which starts a mock Paid server and sets "
						+ "paid.base-url and paid.api-key, or turn the starter off for it with "
						+ "@SpringBootTest(properties = \"paid.enabled=false\").");
	}

}
