package ai.paid.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import ai.paid.spring.actuate.PaidCatalogEndpoint;
import ai.paid.spring.actuate.PaidCatalogHealthIndicator;
import ai.paid.spring.catalog.PaidCatalogReconciler;
import ai.paid.spring.catalog.PaidProductDefinition;
import ai.paid.spring.catalog.UnitPriceConversion;
import ai.paid.spring.client.PaidClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of products and pricing as code: the {@link PaidCatalogReconciler} over the products declared in
 * {@code paid.catalog.products.*} and as {@link PaidProductDefinition} beans, its startup reconcile in
 * {@code paid.catalog.mode} (before the application's runners and before the outbox starts delivering), the
 * {@code paidCatalog} health indicator and the {@code paidcatalog} endpoint.
 */
@AutoConfiguration(after = PaidClientAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "paid.enabled", matchIfMissing = true)
@ConditionalOnBean(PaidClient.class)
@EnableConfigurationProperties(PaidCatalogProperties.class)
public final class PaidCatalogAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PaidCatalogReconciler paidCatalogReconciler(PaidClient client, PaidCatalogProperties properties,
			ObjectProvider<PaidProductDefinition> beans) {
		List<PaidProductDefinition> products = new ArrayList<>(properties.toDefinitions());
		for (PaidProductDefinition bean : beans.orderedStream().toList()) {
			if (products.stream().anyMatch((declared) -> declared.externalId().equals(bean.externalId()))) {
				throw new InvalidPaidConfigurationException("paid.catalog.products." + bean.externalId(),
						"Product '" + bean.externalId() + "' is declared twice (in paid.catalog.products and as a "
								+ "PaidProductDefinition bean, or as two beans)",
						"Declare each product once.");
			}
			products.add(bean);
		}
		return new PaidCatalogReconciler(client, products, new PaidCatalogReconciler.Settings(properties.mode(),
				properties.failOnDrift(), new UnitPriceConversion(properties.unitPriceUnit()),
				properties.sendSignalType()));
	}

	@Bean
	@ConditionalOnMissingBean(name = "paidCatalogStartupReconcile")
	SmartInitializingSingleton paidCatalogStartupReconcile(PaidCatalogReconciler reconciler) {
		return reconciler::reconcileOnStartup;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("paidCatalog")
	static final class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "paidCatalogHealthIndicator")
		PaidCatalogHealthIndicator paidCatalogHealthIndicator(PaidCatalogReconciler reconciler) {
			return new PaidCatalogHealthIndicator(reconciler);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	static final class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(PaidCatalogEndpoint.class)
		PaidCatalogEndpoint paidCatalogEndpoint(PaidCatalogReconciler reconciler) {
			return new PaidCatalogEndpoint(reconciler);
		}

	}

}
