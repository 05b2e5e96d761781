package ai.paid.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import ai.paid.spring.actuate.SignalMetrics;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.signal.PaidSignalAnnotationPostProcessor;
import ai.paid.spring.signal.PaidSignals;
import ai.paid.spring.signal.SignalBatcher;
import ai.paid.spring.signal.SignalObserver;
import ai.paid.spring.signal.SignalOutboxDeliveryHandler;
import ai.paid.spring.signal.SignalOutboxWriter;
import ai.paid.spring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class PaidSignalsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaidClientAutoConfiguration.class, PaidSignalsAutoConfiguration.class))
		.withPropertyValues("paid.api-key=test-key", "paid.base-url=http://127.0.0.1:9");

	@Test
	void signalsAreBufferedInMemoryWithoutAnOutbox() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PaidSignals.class)
				.hasSingleBean(SignalBatcher.class)
				.hasSingleBean(PaidSignalAnnotationPostProcessor.class)
				.doesNotHaveBean(SignalOutboxWriter.class)
				.doesNotHaveBean(OutboxDeliveryHandler.class);
			assertThat(context.getBean(SignalBatcher.class).isRunning()).isTrue();
		});
	}

	@Test
	void withAnOutboxSignalsInATransactionGoThroughItAndASignalHandlerDeliversThem() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					PaidOutboxAutoConfiguration.class))
			.withPropertyValues(TestDatabases.h2().propertyValues())
			.withPropertyValues("paid.outbox.initialize-schema=always")
			.run((context) -> {
				assertThat(context).hasSingleBean(SignalOutboxWriter.class)
					.hasSingleBean(SignalOutboxDeliveryHandler.class);
				assertThat(context.getBean(SignalOutboxDeliveryHandler.class).entityType()).isEqualTo("SIGNAL");
			});
	}

	@Test
	void theOutboxPathCanBeSwitchedOff() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					PaidOutboxAutoConfiguration.class))
			.withPropertyValues(TestDatabases.h2().propertyValues())
			.withPropertyValues("paid.outbox.initialize-schema=always", "paid.signals.outbox-enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SignalOutboxWriter.class)
				.hasSingleBean(SignalOutboxDeliveryHandler.class));
	}

	@Test
	void metersAreRegisteredWhenAMeterRegistryIsPresent() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).getBean(SignalObserver.class).isInstanceOf(SignalMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("paid.signals.buffer.capacity").gauge().value()).isEqualTo(10_000);
			assertThat(registry.get("paid.signals.emitted").tag("path", "buffered").counter()).isNotNull();
		});
	}

	@Test
	void anApplicationsOwnObserverIsNotifiedBesideTheMeters() {
		List<SignalObserver.Path> emitted = new CopyOnWriteArrayList<>();
		this.runner.withPropertyValues("paid.signals.shutdown-timeout=0s")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("myObserver", SignalObserver.class, () -> new SignalObserver() {

				@Override
				public void emitted(Path path) {
					emitted.add(path);
				}

			})
			.run((context) -> {
				context.getBean(PaidSignals.class).emit("meeting_booked").customer("acme").send();
				assertThat(emitted).containsExactly(SignalObserver.Path.BUFFERED);
				assertThat(context.getBean(MeterRegistry.class)
					.get("paid.signals.emitted")
					.tag("path", "buffered")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void withoutMicrometerNothingIsMetered() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(PaidSignals.class).doesNotHaveBean(SignalObserver.class));
	}

	@Test
	void signalsCanBeSwitchedOff() {
		this.runner.withPropertyValues("paid.signals.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PaidSignals.class)
				.doesNotHaveBean(SignalBatcher.class)
				.doesNotHaveBean(PaidSignalAnnotationPostProcessor.class));
	}

	@Test
	void theWholeStarterCanBeSwitchedOff() {
		this.runner.withPropertyValues("paid.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PaidSignals.class));
	}

	@Test
	void anApplicationsOwnPaidSignalsWins() {
		this.runner.withBean("mySignals", PaidSignals.class, () -> new PaidSignals(null, null))
			.run((context) -> assertThat(context).getBean(PaidSignals.class).isSameAs(context.getBean("mySignals")));
	}

	@Test
	void propertiesBindToTheBatcherSettings() {
		this.runner
			.withPropertyValues("paid.signals.buffer-capacity=50", "paid.signals.batch-size=5",
					"paid.signals.flush-interval=1s", "paid.signals.overflow=fail")
			.run((context) -> {
				PaidSignalsProperties properties = context.getBean(PaidSignalsProperties.class);
				assertThat(properties.toSettings().bufferCapacity()).isEqualTo(50);
				assertThat(properties.toSettings().batchSize()).isEqualTo(5);
				assertThat(properties.toSettings().flushInterval()).hasSeconds(1);
				assertThat(properties.toSettings().overflow().name()).isEqualTo("FAIL");
			});
	}

	@Test
	void theOutboxPathTakesItsLimitsFromProperties() {
		this.runner.withPropertyValues("paid.signals.outbox.max-in-flight=2", "paid.signals.outbox.batch-size=20")
			.run((context) -> {
				PaidSignalsProperties.Outbox outbox = context.getBean(PaidSignalsProperties.class).outbox();
				assertThat(outbox.maxInFlight()).isEqualTo(2);
				assertThat(outbox.batchSize()).isEqualTo(20);
			});
	}

	@Test
	void theOutboxPathLimitsDefaultToFourPostsInFlightOfAHundredSignals() {
		this.runner.run((context) -> {
			PaidSignalsProperties.Outbox outbox = context.getBean(PaidSignalsProperties.class).outbox();
			assertThat(outbox.maxInFlight()).isEqualTo(4);
			assertThat(outbox.batchSize()).isEqualTo(100);
		});
	}

	@Test
	void anOutboxLimitBelowOneFailsTheStartupNamingTheProperty() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					PaidOutboxAutoConfiguration.class))
			.withPropertyValues(TestDatabases.h2().propertyValues())
			.withPropertyValues("paid.outbox.initialize-schema=always", "paid.signals.outbox.batch-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidPaidConfigurationException.class)
				.hasMessageContaining("paid.signals.outbox.batch-size")
				.extracting((ex) -> ((InvalidPaidConfigurationException) ex).getProperty())
				.isEqualTo("paid.signals.outbox.batch-size"));
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					PaidOutboxAutoConfiguration.class))
			.withPropertyValues(TestDatabases.h2().propertyValues())
			.withPropertyValues("paid.outbox.initialize-schema=always", "paid.signals.outbox.max-in-flight=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Invalid value '-1' for paid.signals.outbox.max-in-flight: it must be 1 or more"));
	}

	@Test
	void invalidSettingsFailTheStartupNamingTheProperty() {
		this.runner.withPropertyValues("paid.signals.batch-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Invalid value '0' for paid.signals.batch-size: it must be 1 or more"));
	}

}
