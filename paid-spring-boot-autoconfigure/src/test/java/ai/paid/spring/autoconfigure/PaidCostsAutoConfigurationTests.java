package ai.paid.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import ai.paid.spring.actuate.CostMetrics;
import ai.paid.spring.cost.CostBatcher;
import ai.paid.spring.cost.CostOutboxDeliveryHandler;
import ai.paid.spring.cost.CostOutboxWriter;
import ai.paid.spring.cost.PaidCosts;
import ai.paid.spring.cost.SpringAiCostObservationHandler;
import ai.paid.spring.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class PaidCostsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaidClientAutoConfiguration.class, PaidCostsAutoConfiguration.class))
		.withPropertyValues("paid.api-key=test-key", "paid.base-url=http://127.0.0.1:9");

	@Test
	void costsAreBufferedInMemoryWithoutAnOutboxAndSpringAiCallsAreCaptured() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PaidCosts.class)
				.hasSingleBean(CostBatcher.class)
				.hasSingleBean(SpringAiCostObservationHandler.class)
				.doesNotHaveBean(CostOutboxWriter.class)
				.doesNotHaveBean(CostOutboxDeliveryHandler.class)
				.doesNotHaveBean(CostMetrics.class);
			assertThat(context.getBean(CostBatcher.class).isRunning()).isTrue();
		});
	}

	@Test
	void withAnOutboxCostsInATransactionGoThroughItAndACostHandlerDeliversThem() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					PaidOutboxAutoConfiguration.class))
			.withPropertyValues(TestDatabases.h2().propertyValues())
			.withPropertyValues("paid.outbox.initialize-schema=always")
			.run((context) -> {
				assertThat(context).hasSingleBean(CostOutboxWriter.class).hasSingleBean(CostOutboxDeliveryHandler.class);
				assertThat(context.getBean(CostOutboxDeliveryHandler.class).entityType()).isEqualTo("COST");
			});
	}

	@Test
	void withoutSpringAiThereIsNoObservationHandler() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.run((context) -> assertThat(context).hasSingleBean(PaidCosts.class)
				.doesNotHaveBean(SpringAiCostObservationHandler.class));
	}

	@Test
	void metersAreRegisteredWithAMeterRegistry() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(CostMetrics.class));
	}

	@Test
	void costsCanBeSwitchedOff() {
		this.runner.withPropertyValues("paid.costs.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PaidCosts.class)
				.doesNotHaveBean(SpringAiCostObservationHandler.class));
	}

	@Test
	void anUnusableBufferCapacityFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("paid.costs.buffer-capacity=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidPaidConfigurationException.class)
				.hasMessageContaining("paid.costs.buffer-capacity"));
	}

	@Test
	void aZeroFlushIntervalFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("paid.costs.flush-interval=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidPaidConfigurationException.class)
				.hasMessageContaining("paid.costs.flush-interval"));
	}

}
