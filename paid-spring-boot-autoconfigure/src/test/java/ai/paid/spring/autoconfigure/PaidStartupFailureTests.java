package ai.paid.spring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A real application start without a key fails with the failure analyzer's report.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaidStartupFailureTests {

	@Test
	void missingKeyReportsWhatToSet(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// a developer's real PAID_API_KEY must not make this test pass or leak
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of()));
		application.setEnvironment(environment);
		assertThatExceptionOfType(Exception.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No Paid API key is configured")
			.contains("Set the paid.api-key property or the PAID_API_KEY environment variable")
			.contains("paid.enabled=false");
	}

	@Test
	void missingKeyTellsAnExistingSpringBootTestWhatToDo(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of()));
		application.setEnvironment(environment);
		assertThatExceptionOfType(Exception.class).isThrownBy(application::run);
		assertThat(output).contains("In tests (a @SpringBootTest such as contextLoads())")
			.contains("@AutoConfigureMockPaid from ai.paid.spring:paid-spring-boot-test")
			.contains("@SpringBootTest(properties = \"paid.enabled=false\")");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
			PaidClientAutoConfiguration.class })
	static class App {

	}

}
