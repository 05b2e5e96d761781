package ai.paid.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key stays masked in actuator's {@code configprops} and {@code env} output, even when an application
 * chooses to show values.
 */
class PaidApiKeySanitizingTests {

	private static final String KEY = "sk_live_actuator_must_mask_9876";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				PaidClientAutoConfiguration.class, EndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=*",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always");

	@Test
	void configpropsMasksTheKey() {
		this.runner.withPropertyValues("paid.api-key=" + KEY).run((context) -> {
			String report = JsonMapper.builder()
				.build()
				.writeValueAsString(
						context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationPropertiesWithPrefix("paid"));
			assertThat(report).contains("apiKey").contains("https://api.agentpaid.io/api/v2").doesNotContain(KEY);
		});
	}

	@Test
	void envMasksTheKeyPropertyAndTheEnvironmentVariable() {
		this.runner.withPropertyValues("paid.api-key=" + KEY)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("PAID_API_KEY", KEY))))
			.run((context) -> {
				EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
				JsonMapper mapper = JsonMapper.builder().build();
				String all = mapper.writeValueAsString(endpoint.environment(null));
				assertThat(all).contains("PAID_API_KEY").contains("paid.api-key").doesNotContain(KEY);
				assertThat(mapper.writeValueAsString(endpoint.environmentEntry("paid.api-key"))).doesNotContain(KEY);
			});
	}

	@Test
	void webhookSigningSecretsAreMaskedInEnv() {
		String secret = "whsec_actuator_must_mask_1234";
		this.runner.withConfiguration(AutoConfigurations.of(PaidWebhooksAutoConfiguration.class))
			.withPropertyValues("paid.api-key=" + KEY, "paid.webhooks.signing-secret=" + secret,
					"paid.webhooks.previous-signing-secrets=" + secret + "-old")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("PAID_WEBHOOK_SECRET", secret))))
			.run((context) -> {
				JsonMapper mapper = JsonMapper.builder().build();
				String env = mapper.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				assertThat(env).contains("PAID_WEBHOOK_SECRET").contains("paid.webhooks.signing-secret")
					.doesNotContain(secret);
			});
	}

	@Test
	void envMasksTheKeyGivenOnTheCommandLineInSunJavaCommand() {
		String command = "com.example.DemoApplication --server.port=8080 --paid.api-key=" + KEY + " --debug";
		this.runner.withPropertyValues("paid.api-key=" + KEY)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
							Map.of("sun.java.command", command, "JAVA_TOOL_OPTIONS", "-Xmx1g -Dpaid.api-key=" + KEY))))
			.run((context) -> {
				EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
				JsonMapper mapper = JsonMapper.builder().build();
				String entry = mapper.writeValueAsString(endpoint.environmentEntry("sun.java.command"));
				assertThat(entry).doesNotContain(KEY)
					.contains("com.example.DemoApplication --server.port=8080 --paid.api-key=****** --debug");
				String all = mapper.writeValueAsString(endpoint.environment(null));
				assertThat(all).contains("sun.java.command").contains("-Xmx1g -Dpaid.api-key=******").doesNotContain(KEY);
			});
	}

	@Test
	void everyCommandLineFormOfTheKeyIsMasked() {
		assertThat(List.of("App --paid.api-key=" + KEY, "App -Dpaid.api-key=" + KEY, "App --paid.api-key " + KEY,
				"App --paid.apiKey=" + KEY, "App --PAID_API_KEY=" + KEY, "-Dpaid.api-key=" + KEY + " App"))
			.allSatisfy((command) -> assertThat(
					PaidClientAutoConfiguration.ActuatorSanitizingConfiguration.maskKeyInCommandLine(command))
				.doesNotContain(KEY)
				.contains("******"));
		assertThat(PaidClientAutoConfiguration.ActuatorSanitizingConfiguration
			.maskKeyInCommandLine("App --paid.base-url=http://paid --other.api-key=visible"))
			.isEqualTo("App --paid.base-url=http://paid --other.api-key=visible");
	}

	@Test
	void otherValuesAreStillShown() {
		this.runner.withPropertyValues("paid.api-key=" + KEY, "paid.response-timeout=42s").run((context) -> {
			String env = JsonMapper.builder()
				.build()
				.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environmentEntry("paid.response-timeout"));
			assertThat(env).contains("42s");
		});
	}

}
