package ai.paid.spring.autoconfigure;

import java.time.Clock;
import java.util.Locale;

import javax.sql.DataSource;

import ai.paid.spring.actuate.PaidWebhooksEndpoint;
import ai.paid.spring.actuate.WebhookMetrics;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.webhook.PaidWebhookAdmin;
import ai.paid.spring.webhook.PaidWebhookDispatcher;
import ai.paid.spring.webhook.PaidWebhookInbox;
import ai.paid.spring.webhook.PaidWebhookListenerMethods;
import ai.paid.spring.webhook.PaidWebhookReceiver;
import ai.paid.spring.webhook.WebhookObserver;
import ai.paid.spring.webhook.WebhookRegistration;
import ai.paid.spring.webhook.WebhookSchemaInitializer;
import ai.paid.spring.webhook.WebhookSchemaValidator;
import ai.paid.spring.webhook.WebhookWebFluxRoute;
import ai.paid.spring.webhook.WebhookWebMvcRoute;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration of the webhook receiver, on when a signing secret is set ({@code paid.webhooks.signing-secret}
 * or {@code PAID_WEBHOOK_SECRET}): the route at {@code paid.webhooks.path} for Spring MVC or WebFlux, the inbox table
 * and its schema handling, the dispatcher that runs {@code @PaidWebhookListener} methods and typed Spring event
 * listeners, meters, the {@code paidwebhooks} actuator endpoint and the opt-in registration of the webhooks in Paid.
 */
@AutoConfiguration(afterName = { "ai.paid.spring.autoconfigure.PaidClientAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnBooleanProperty(name = { "paid.enabled", "paid.webhooks.enabled" }, matchIfMissing = true)
@Conditional(OnWebhookSecretCondition.class)
@EnableConfigurationProperties(PaidWebhooksProperties.class)
public final class PaidWebhooksAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static PaidWebhookListenerMethods paidWebhookListenerMethods() {
		return new PaidWebhookListenerMethods();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcTemplate.class)
	@ConditionalOnSingleCandidate(DataSource.class)
	static class InboxConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PaidWebhookInbox paidWebhookInbox(DataSource dataSource) {
			return new PaidWebhookInbox(dataSource);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnClass(DataSourceScriptDatabaseInitializer.class)
		WebhookSchemaInitializer paidWebhookSchemaInitializer(DataSource dataSource,
				PaidWebhooksProperties properties) {
			return new WebhookSchemaInitializer(dataSource, properties.initializeSchema());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "paid.webhooks.validate-schema", matchIfMissing = true)
		WebhookSchemaValidator paidWebhookSchemaValidator(PaidWebhookInbox inbox) {
			return new WebhookSchemaValidator(inbox);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "paid.webhooks.dispatcher-enabled", matchIfMissing = true)
		PaidWebhookDispatcher paidWebhookDispatcher(PaidWebhookInbox inbox, PaidWebhookListenerMethods listeners,
				ApplicationEventPublisher publisher, DataSource dataSource,
				ObjectProvider<PlatformTransactionManager> transactionManagers, ObjectProvider<JsonMapper> mappers,
				PaidWebhooksProperties properties, ObjectProvider<WebhookObserver> observers) {
			return new PaidWebhookDispatcher(inbox, listeners, publisher,
					transactions(dataSource, transactionManagers), mapper(mappers),
					properties.toDispatcherSettings(), observer(observers), Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		PaidWebhookReceiver paidWebhookReceiver(PaidWebhookInbox inbox, PaidWebhooksProperties properties,
				Environment environment, ObjectProvider<JsonMapper> mappers, ObjectProvider<WebhookObserver> observers,
				ObjectProvider<PaidWebhookDispatcher> dispatcher) {
			return new PaidWebhookReceiver(inbox,
					properties.toReceiverSettings(OnWebhookSecretCondition.secret(environment)), mapper(mappers),
					observer(observers), SingletonSupplier.of(dispatcher::getIfAvailable), Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		PaidWebhookAdmin paidWebhookAdmin(PaidWebhookInbox inbox, ObjectProvider<PaidWebhookDispatcher> dispatcher) {
			return new PaidWebhookAdmin(inbox, Clock.systemUTC(),
					() -> dispatcher.ifAvailable(PaidWebhookDispatcher::wakeUp));
		}

		private static TransactionOperations transactions(DataSource dataSource,
				ObjectProvider<PlatformTransactionManager> transactionManagers) {
			PlatformTransactionManager manager = transactionManagers
				.getIfUnique(() -> new DataSourceTransactionManager(dataSource));
			return new TransactionTemplate(manager);
		}

		private static JsonMapper mapper(ObjectProvider<JsonMapper> mappers) {
			return mappers.getIfUnique(() -> JsonMapper.builder().build());
		}

		private static WebhookObserver observer(ObjectProvider<WebhookObserver> observers) {
			return WebhookObserver.composite(observers.orderedStream().toList());
		}

	}

	// Not fatal: @AutoConfigureMockPaid sets a secret in every test, also of applications without a database.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(DataSource.class)
	static class NoDatabaseConfiguration {

		private static final Log logger = LogFactory.getLog(PaidWebhooksAutoConfiguration.class);

		NoDatabaseConfiguration() {
			logger.warn("A Paid webhook signing secret is set but the application has no DataSource, so there is no "
					+ "webhook receiver: deliveries are stored in the webhook inbox table before they are handled, "
					+ "once. Add a DataSource, or set paid.webhooks.enabled=false to silence this.");
		}

	}

	// (Nested configurations are guarded like InboxConfiguration: @ConditionalOnBean cannot see a sibling's beans.)
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ org.springframework.web.servlet.function.RouterFunction.class, JdbcTemplate.class })
	@ConditionalOnSingleCandidate(DataSource.class)
	static class WebMvcConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "paidWebhookRoute")
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> paidWebhookRoute(
				PaidWebhooksProperties properties, PaidWebhookReceiver receiver) {
			return WebhookWebMvcRoute.of(properties.path(), receiver);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass({ org.springframework.web.reactive.function.server.RouterFunction.class, JdbcTemplate.class })
	@ConditionalOnSingleCandidate(DataSource.class)
	static class WebFluxConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "paidWebhookRoute")
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> paidWebhookRoute(
				PaidWebhooksProperties properties, PaidWebhookReceiver receiver) {
			return WebhookWebFluxRoute.of(properties.path(), receiver);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("paid.webhooks.register.public-url")
	@ConditionalOnBean(PaidClient.class)
	static class RegistrationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WebhookRegistration paidWebhookRegistration(PaidClient client, PaidWebhooksProperties properties) {
			PaidWebhooksProperties.Register register = properties.register();
			return new WebhookRegistration(client.blocking(), register.validatedUrl(), register.eventsOrAll());
		}

	}

	// like the API key: masked in actuator's env and configprops output even when values are shown
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "paidWebhookSecretSanitizingFunction")
		SanitizingFunction paidWebhookSecretSanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(ActuatorSanitizingConfiguration::isWebhookSecret);
		}

		static boolean isWebhookSecret(String key) {
			String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
			return normalized.contains("signingsecret") || normalized.equals("paidwebhooksecret");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WebhookMetrics paidWebhookMetrics(MeterRegistry registry) {
			return new WebhookMetrics(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class, JdbcTemplate.class })
	@ConditionalOnSingleCandidate(DataSource.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(PaidWebhooksEndpoint.class)
		PaidWebhooksEndpoint paidWebhooksEndpoint(PaidWebhookAdmin admin) {
			return new PaidWebhooksEndpoint(admin);
		}

	}

}
