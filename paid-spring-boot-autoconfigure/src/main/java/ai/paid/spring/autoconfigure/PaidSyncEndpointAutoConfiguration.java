package ai.paid.spring.autoconfigure;

import ai.paid.spring.actuate.PaidSyncEndpoint;
import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.sync.jpa.PaidSyncBackfill;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code paidsync} actuator endpoint ({@link PaidSyncEndpoint}) when actuator is on the
 * classpath and the endpoint is available (exposed, and not switched off by its access setting).
 */
@AutoConfiguration(after = { PaidOutboxAutoConfiguration.class, PaidSyncBackfillAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "paid.enabled", matchIfMissing = true)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
public final class PaidSyncEndpointAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(PaidSyncEndpoint.class)
	static final class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(OutboxAdmin.class)
		PaidSyncEndpoint paidSyncEndpoint(OutboxAdmin admin, ObjectProvider<PaidSyncBackfill> backfill) {
			return new PaidSyncEndpoint(admin, backfill);
		}

	}

}
