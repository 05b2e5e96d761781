package ai.paid.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.PaidRetryPolicy;
import ai.paid.spring.client.PaidWebClientCustomizer;
import ai.paid.spring.client.WebClientPaidClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link PaidClientAutoConfiguration}.
 */
class PaidClientAutoConfigurationTests {

	private static final String KEY = "sk_test_verysecret_0123456789";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				PaidClientAutoConfiguration.class));

	@Test
	void clientAndConnectionDetailsArePresentByDefault() {
		this.runner.withPropertyValues("paid.api-key=" + KEY).run((context) -> {
			assertThat(context).hasSingleBean(PaidClient.class);
			assertThat(context).hasSingleBean(PaidConnectionDetails.class);
			assertThat(context).hasSingleBean(PaidProperties.class);
			assertThat(context.getBean(PaidClient.class)).isInstanceOf(WebClientPaidClient.class);
			assertThat(context.getBean(PaidConnectionDetails.class).getBaseUrl())
				.isEqualTo("https://api.agentpaid.io/api/v2");
		});
	}

	@Test
	void nothingIsCreatedWhenDisabled() {
		this.runner.withPropertyValues("paid.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(PaidClient.class);
			assertThat(context).doesNotHaveBean(PaidConnectionDetails.class);
			assertThat(context).doesNotHaveBean(PaidProperties.class);
		});
	}

	@Test
	void userClientWins() {
		PaidClient own = mock(PaidClient.class);
		this.runner.withPropertyValues("paid.api-key=" + KEY)
			.withBean(PaidClient.class, () -> own)
			.run((context) -> assertThat(context).getBean(PaidClient.class).isSameAs(own));
	}

	@Test
	void userClientWinsEvenWithoutKey() {
		this.runner.withBean(PaidClient.class, () -> mock(PaidClient.class))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PaidClient.class));
	}

	@Test
	void userConnectionDetailsBeatProperties() {
		this.runner.withPropertyValues("paid.base-url=http://ignored.example")
			.withBean(PaidConnectionDetails.class, () -> new TestConnectionDetails("http://localhost:9999/api/v2", KEY))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(PaidConnectionDetails.class);
				assertThat(context.getBean(PaidClient.class).toString()).contains("http://localhost:9999/api/v2")
					.doesNotContain("ignored");
			});
	}

	@Test
	void missingKeyFailsWithAnalyzedMessage() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("paid.api-key").contains("PAID_API_KEY");
			assertThat(analysis.getAction()).contains("paid.api-key")
				.contains("PAID_API_KEY")
				.contains("paid.enabled=false");
		});
	}

	@Test
	void blankKeyFails() {
		this.runner.withPropertyValues("paid.api-key=   ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidPaidConfigurationException.class);
		});
	}

	@Test
	void invalidBaseUrlFailsWithClearMessage() {
		this.runner.withPropertyValues("paid.api-key=" + KEY, "paid.base-url=api.agentpaid.io/api/v2")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("api.agentpaid.io/api/v2")
					.contains("absolute http or https URL");
				assertThat(analysis.getAction()).contains("paid.base-url");
			});
	}

	@Test
	void apiKeyFallsBackToPaidApiKeyEnvironmentVariable() {
		this.runner.withInitializer((context) -> environmentVariables(context, Map.of("PAID_API_KEY", KEY)))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(PaidClient.class);
				assertThat(context.getBean(PaidConnectionDetails.class).getApiKey()).isEqualTo(KEY);
			});
	}

	@Test
	void apiKeyPropertyBeatsEnvironmentVariable() {
		this.runner.withInitializer((context) -> environmentVariables(context, Map.of("PAID_API_KEY", "from-env")))
			.withPropertyValues("paid.api-key=" + KEY)
			.run((context) -> assertThat(context.getBean(PaidConnectionDetails.class).getApiKey()).isEqualTo(KEY));
	}

	@Test
	void relaxedNamesAndDurationsBind() {
		this.runner
			.withInitializer((context) -> environmentVariables(context,
					Map.of("PAID_APIKEY", KEY, "PAID_RETRY_MAXATTEMPTS", "5")))
			.withPropertyValues("paid.connectTimeout=1500ms", "paid.response_timeout=2m",
					"paid.retry.initial-backoff=1s", "paid.retry.maxBackoff=20s", "paid.retry.max-retry-after=PT90S")
			.run((context) -> {
				PaidProperties properties = context.getBean(PaidProperties.class);
				assertThat(properties.apiKey()).isEqualTo(KEY);
				assertThat(properties.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
				assertThat(properties.responseTimeout()).isEqualTo(Duration.ofMinutes(2));
				assertThat(properties.retry().maxAttempts()).isEqualTo(5);
				WebClientPaidClient client = context.getBean(WebClientPaidClient.class);
				assertThat(client.retryPolicy()).isEqualTo(new PaidRetryPolicy(5, Duration.ofSeconds(1),
						Duration.ofSeconds(20), Duration.ofSeconds(90)));
			});
	}

	@Test
	void defaultsMatchTheDocumentation() {
		this.runner.withPropertyValues("paid.api-key=" + KEY).run((context) -> {
			PaidProperties properties = context.getBean(PaidProperties.class);
			assertThat(properties.enabled()).isTrue();
			assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(context.getBean(WebClientPaidClient.class).retryPolicy()).isEqualTo(PaidRetryPolicy.defaults());
		});
	}

	@Test
	void retriesCanBeSwitchedOff() {
		this.runner.withPropertyValues("paid.api-key=" + KEY, "paid.retry.enabled=false")
			.run((context) -> assertThat(context.getBean(WebClientPaidClient.class).retryPolicy().retries()).isFalse());
	}

	@Test
	void invalidRetrySettingsFailWithClearMessage() {
		this.runner.withPropertyValues("paid.api-key=" + KEY, "paid.retry.max-attempts=0")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("Invalid value '0' for paid.retry.max-attempts: it must be 1 or more"));
	}

	@Test
	void keyIsMaskedInToString() {
		this.runner.withPropertyValues("paid.api-key=" + KEY).run((context) -> {
			assertThat(context.getBean(PaidProperties.class).toString()).doesNotContain(KEY).contains("******");
			assertThat(context.getBean(PaidConnectionDetails.class).toString()).doesNotContain(KEY);
			assertThat(context.getBean(PaidClient.class).toString()).doesNotContain(KEY);
		});
	}

	@Test
	void webClientCustomizersAreAppliedInOrder() {
		this.runner.withPropertyValues("paid.api-key=" + KEY)
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> assertThat(context.getBean(CustomizerConfiguration.class).calls).containsExactly("first",
					"second"));
	}

	@Test
	void autoConfigurationIsRegistered() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(PaidClientAutoConfiguration.class.getName());
	}

	@Test
	void failureAnalyzerIsRegistered() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
				// other analyzers need a bean factory to be instantiated; only ours matters here
			})))
			.hasAtLeastOneElementOfType(InvalidPaidConfigurationFailureAnalyzer.class);
	}

	private static FailureAnalysis analyze(ConfigurableApplicationContext context) {
		Throwable failure = ((org.springframework.boot.test.context.assertj.AssertableApplicationContext) context)
			.getStartupFailure();
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new InvalidPaidConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	private static void environmentVariables(ConfigurableApplicationContext context, Map<String, Object> variables) {
		context.getEnvironment()
			.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
	}

	record TestConnectionDetails(String getBaseUrl, @Nullable String getApiKey) implements PaidConnectionDetails {

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		PaidWebClientCustomizer second() {
			return (builder) -> this.calls.add("second");
		}

		@Bean
		@Order(1)
		PaidWebClientCustomizer first() {
			return (builder) -> this.calls.add("first");
		}

	}

}
