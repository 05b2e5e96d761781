package ai.paid.spring.autoconfigure;

import ai.paid.spring.actuate.CostMetrics;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.cost.CostBatcher;
import ai.paid.spring.cost.CostObserver;
import ai.paid.spring.cost.CostOutboxDeliveryHandler;
import ai.paid.spring.cost.CostOutboxWriter;
import ai.paid.spring.cost.PaidCosts;
import ai.paid.spring.cost.SpringAiCostObservationHandler;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.signal.SignalCustomerReadiness;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration of {@link PaidCosts}: the in-memory batcher, the outbox path and its {@code COST} delivery
 * handler when an outbox is configured, Micrometer meters, and, with Spring AI on the classpath, the observation
 * handler that turns every chat and embedding call into a usage cost. Every {@link CostObserver} bean is notified.
 */
@AutoConfiguration(afterName = { "ai.paid.spring.autoconfigure.PaidClientAutoConfiguration",
		"ai.paid.spring.autoconfigure.PaidOutboxAutoConfiguration",
		"ai.paid.spring.autoconfigure.PaidSyncAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnBooleanProperty(name = { "paid.enabled", "paid.costs.enabled" }, matchIfMissing = true)
@ConditionalOnBean(PaidClient.class)
@EnableConfigurationProperties(PaidCostsProperties.class)
public final class PaidCostsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CostBatcher paidCostBatcher(PaidClient client, PaidCostsProperties properties,
			ObjectProvider<CostObserver> observers) {
		return new CostBatcher(client, properties.toSettings(), observer(observers));
	}

	@Bean
	@ConditionalOnMissingBean
	PaidCosts paidCosts(CostBatcher batcher, ObjectProvider<CostOutboxWriter> outboxWriter,
			ObjectProvider<CostObserver> observers) {
		return new PaidCosts(batcher, outboxWriter.getIfAvailable(), observer(observers));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(PaidOutbox.class)
	@ConditionalOnClass(name = "org.springframework.transaction.support.TransactionSynchronizationManager")
	static class OutboxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "paid.costs.outbox-enabled", matchIfMissing = true)
		CostOutboxWriter paidCostOutboxWriter(PaidOutbox outbox) {
			return new CostOutboxWriter(outbox);
		}

		@Bean
		@ConditionalOnMissingBean
		CostOutboxDeliveryHandler paidCostOutboxDeliveryHandler(PaidClient client, PaidCostsProperties properties,
				ObjectProvider<CostObserver> observers, ObjectProvider<SignalCustomerReadiness> readiness) {
			PaidCostsProperties.Outbox outbox = properties.outbox().validated();
			return new CostOutboxDeliveryHandler(client, observer(observers), outbox.maxInFlight(),
					outbox.batchSize(), readiness.getIfUnique(() -> SignalCustomerReadiness.READY));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.ai.chat.observation.ChatModelObservationContext",
			"io.micrometer.observation.ObservationHandler" })
	@ConditionalOnBooleanProperty(name = "paid.costs.spring-ai.enabled", matchIfMissing = true)
	static class SpringAiConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpringAiCostObservationHandler paidSpringAiCostObservationHandler(ObjectProvider<PaidCosts> costs,
				PaidCostsProperties properties, ObjectProvider<CostObserver> observers) {
			// looked up on first use: the observation registry holding this handler is a dependency of the Paid
			// client (WebClient's observations), which PaidCosts needs
			return new SpringAiCostObservationHandler(SingletonSupplier.of(costs::getObject),
					SingletonSupplier.of(() -> observer(observers)), properties.springAi().logUnattributed());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CostMetrics paidCostMetrics(MeterRegistry registry) {
			return new CostMetrics(registry);
		}

	}

	private static CostObserver observer(ObjectProvider<CostObserver> observers) {
		return CostObserver.composite(observers.orderedStream().toList());
	}

}
