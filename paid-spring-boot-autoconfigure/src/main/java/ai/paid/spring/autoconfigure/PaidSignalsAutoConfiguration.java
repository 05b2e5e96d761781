package ai.paid.spring.autoconfigure;

import ai.paid.spring.actuate.SignalMetrics;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.signal.PaidSignalAnnotationPostProcessor;
import ai.paid.spring.signal.PaidSignals;
import ai.paid.spring.signal.SignalBatcher;
import ai.paid.spring.signal.SignalCustomerReadiness;
import ai.paid.spring.signal.SignalObserver;
import ai.paid.spring.signal.SignalOutboxDeliveryHandler;
import ai.paid.spring.signal.SignalOutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Auto-configuration of {@link PaidSignals}: the in-memory batcher, the outbox path and its {@code SIGNAL} delivery
 * handler when an outbox is configured (asking the application's {@link SignalCustomerReadiness} bean, if any,
 * before sending), {@code @PaidSignal} support, and Micrometer meters; every {@link SignalObserver} bean is notified.
 */
@AutoConfiguration(afterName = { "ai.paid.spring.autoconfigure.PaidClientAutoConfiguration",
		"ai.paid.spring.autoconfigure.PaidOutboxAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnBooleanProperty(name = { "paid.enabled", "paid.signals.enabled" }, matchIfMissing = true)
@ConditionalOnBean(PaidClient.class)
@EnableConfigurationProperties(PaidSignalsProperties.class)
public final class PaidSignalsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SignalBatcher paidSignalBatcher(PaidClient client, PaidSignalsProperties properties,
			ObjectProvider<SignalObserver> observers) {
		return new SignalBatcher(client, properties.toSettings(), observer(observers));
	}

	@Bean
	@ConditionalOnMissingBean
	PaidSignals paidSignals(SignalBatcher batcher, ObjectProvider<SignalOutboxWriter> outboxWriter) {
		return new PaidSignals(batcher, outboxWriter.getIfAvailable());
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static PaidSignalAnnotationPostProcessor paidSignalAnnotationPostProcessor() {
		return new PaidSignalAnnotationPostProcessor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(PaidOutbox.class)
	@ConditionalOnClass(name = "org.springframework.transaction.support.TransactionSynchronizationManager")
	static class OutboxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "paid.signals.outbox-enabled", matchIfMissing = true)
		SignalOutboxWriter paidSignalOutboxWriter(PaidOutbox outbox, ObjectProvider<SignalObserver> observers) {
			return new SignalOutboxWriter(outbox, observer(observers));
		}

		@Bean
		@ConditionalOnMissingBean
		SignalOutboxDeliveryHandler paidSignalOutboxDeliveryHandler(PaidClient client,
				PaidSignalsProperties properties, ObjectProvider<SignalObserver> observers,
				ObjectProvider<SignalCustomerReadiness> readiness) {
			PaidSignalsProperties.Outbox outbox = properties.outbox();
			return new SignalOutboxDeliveryHandler(client, observer(observers), outbox.maxInFlight(),
					outbox.batchSize(), readiness.getIfUnique(() -> SignalCustomerReadiness.READY));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SignalMetrics paidSignalMetrics(MeterRegistry registry) {
			return new SignalMetrics(registry);
		}

	}

	private static SignalObserver observer(ObjectProvider<SignalObserver> observers) {
		return SignalObserver.composite(observers.orderedStream().toList());
	}

}
