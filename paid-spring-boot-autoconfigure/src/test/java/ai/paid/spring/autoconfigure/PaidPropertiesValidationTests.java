package ai.paid.spring.autoconfigure;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every {@code paid.*} property is checked when it is bound: a value out of range stops the application with the
 * property's name, the value and the allowed range.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaidPropertiesValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				TransactionAutoConfiguration.class, PaidClientAutoConfiguration.class,
				PaidOutboxAutoConfiguration.class, PaidSignalsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:validation-" + UUID.randomUUID(),
				"paid.api-key=test-key", "paid.base-url=http://127.0.0.1:9");

	@Test
	void negativeMaxAttemptsStopsTheApplication() {
		assertRejected("paid.outbox.max-attempts", "-1", "1 or more");
	}

	@Test
	void zeroDatabaseThreadsStopsTheApplication() {
		assertRejected("paid.outbox.database-threads", "0", "1 or more");
	}

	@Test
	void zeroSignalBatchSizeStopsTheApplication() {
		assertRejected("paid.signals.batch-size", "0", "1 or more");
	}

	@Test
	void zeroOutboxBatchSizeStopsTheApplication() {
		assertRejected("paid.outbox.batch-size", "0", "1 or more");
	}

	@Test
	void aProxyPortOutOfRangeStopsTheApplication() {
		assertRejected("paid.proxy.port", "70000", "between 1 and 65535");
	}

	@Test
	void zeroConnectTimeoutStopsTheApplication() {
		assertRejected("paid.connect-timeout", "0s", "a duration longer than zero");
	}

	@Test
	void zeroPollIntervalStopsTheApplication() {
		assertRejected("paid.outbox.poll-interval", "0s", "a duration longer than zero");
	}

	@Test
	void negativeMaxAgeStopsTheApplication() {
		assertRejected("paid.outbox.max-age", "-5m", "a duration longer than zero");
	}

	@Test
	void aRejectedDurationIsShownAsItWouldBeWritten() {
		this.runner.withPropertyValues("paid.outbox.max-age=-90s").run((context) -> assertThat(
				new InvalidPaidConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
			.startsWith("Invalid value '-90s' for paid.outbox.max-age: it must be a duration longer than zero"));
	}

	@Test
	void anInitialBackoffLongerThanTheMaximumStopsTheApplication() {
		this.runner.withPropertyValues("paid.outbox.initial-backoff=20m").run((context) -> assertThat(
				new InvalidPaidConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
			.isEqualTo("paid.outbox.initial-backoff is 20m, longer than paid.outbox.max-backoff (10m)."));
	}

	@Test
	void validValuesStart() {
		this.runner
			.withPropertyValues("paid.outbox.max-attempts=1", "paid.outbox.database-threads=1",
					"paid.signals.batch-size=1", "paid.outbox.shutdown-timeout=0s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest(name = "{0}={1} is rejected")
	@CsvSource({ "paid.connect-timeout, 0s", "paid.response-timeout, -1s", "paid.retry.max-attempts, 0",
			"paid.retry.initial-backoff, -1ms", "paid.retry.max-backoff, -1ms", "paid.retry.max-retry-after, -1s",
			"paid.outbox.poll-interval, 0ms", "paid.outbox.lease-duration, 0s", "paid.outbox.max-concurrent-lanes, 0",
			"paid.outbox.batch-size, -3", "paid.outbox.database-threads, 0", "paid.outbox.initial-backoff, 0s",
			"paid.outbox.max-backoff, 0s", "paid.outbox.max-attempts, -1", "paid.outbox.max-age, 0s",
			"paid.outbox.delivery-timeout, 0s", "paid.outbox.shutdown-timeout, -1s",
			"paid.outbox.credentials-probe-interval, 0s", "paid.outbox.health-backlog-age, -1m",
			"paid.outbox.failure-log-interval, 0s", "paid.outbox.circuit-breaker.window, 0",
			"paid.outbox.circuit-breaker.minimum-calls, 0", "paid.outbox.circuit-breaker.failure-threshold, 0",
			"paid.outbox.circuit-breaker.failure-threshold, 1.5", "paid.outbox.circuit-breaker.open-duration, 0s",
			"paid.signals.buffer-capacity, 0", "paid.signals.batch-size, 0", "paid.signals.flush-interval, 0ms",
			"paid.signals.offer-timeout, -1ms", "paid.signals.max-in-flight, 0", "paid.signals.max-attempts, 0",
			"paid.signals.retry-backoff, 0s", "paid.signals.shutdown-timeout, -1s",
			"paid.signals.outbox.max-in-flight, 0", "paid.signals.outbox.batch-size, 0",
			"paid.sync.product-id-cache-ttl, -1s", "paid.sync.backfill.chunk-size, 0" })
	void everyPropertyRejectsAValueOutOfRange(String property, String value) {
		Class<?> type = propertiesClassOf(property);
		String prefix = type.getAnnotation(org.springframework.boot.context.properties.ConfigurationProperties.class)
			.value();
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(property, value)));
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> binder.bindOrCreate(prefix, type))
			.havingRootCause()
			.isInstanceOfSatisfying(InvalidPaidConfigurationException.class, (ex) -> {
				assertThat(ex.getProperty()).isEqualTo(property);
				assertThat(ex.getMessage()).startsWith("Invalid value '").contains("' for " + property + ": it must be ");
				assertThat(ex.getAction()).startsWith("Set " + property + " to ");
			});
	}

	@Test
	void theDefaultsAreValid() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of()));
		assertThat(binder.bindOrCreate("paid", PaidProperties.class)).isNotNull();
		assertThat(binder.bindOrCreate("paid.outbox", PaidOutboxProperties.class)).isNotNull();
		assertThat(binder.bindOrCreate("paid.signals", PaidSignalsProperties.class)).isNotNull();
		assertThat(binder.bindOrCreate("paid.sync", PaidSyncProperties.class)).isNotNull();
	}

	@Test
	void aRealStartReportsThePropertyTheValueAndTheRange(CapturedOutput output) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.datasource.url", "jdbc:h2:mem:validation-" + UUID.randomUUID(),
				"paid.outbox.max-attempts", "-1"));
		assertThatExceptionOfType(Exception.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '-1' for paid.outbox.max-attempts: it must be 1 or more.")
			.contains("Set paid.outbox.max-attempts to 1 or more, or remove it to use the default.");
	}

	private void assertRejected(String property, String value, String range) {
		this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidPaidConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(property).contains(range);
			assertThat(analysis.getAction()).contains("Set " + property + " to " + range);
		});
	}

	private static Class<?> propertiesClassOf(String property) {
		if (property.startsWith("paid.outbox.")) {
			return PaidOutboxProperties.class;
		}
		if (property.startsWith("paid.signals.")) {
			return PaidSignalsProperties.class;
		}
		if (property.startsWith("paid.sync.")) {
			return PaidSyncProperties.class;
		}
		return PaidProperties.class;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
			TransactionAutoConfiguration.class, PaidOutboxAutoConfiguration.class })
	static class App {

	}

}
