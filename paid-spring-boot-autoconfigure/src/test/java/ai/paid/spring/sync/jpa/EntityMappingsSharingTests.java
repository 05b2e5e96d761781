package ai.paid.spring.sync.jpa;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import ai.paid.spring.sync.PaidCustomerData;
import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidMapper;
import ai.paid.spring.sync.fixtures.Account;
import ai.paid.spring.sync.fixtures.Lead;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entity mappings are built and validated once per persistence unit, as one bean, and live capture and the
 * backfill share it.
 */
class EntityMappingsSharingTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	@Test
	void captureAndBackfillShareOneBuildOfTheMappings() {
		MockPaidServer server = paid.server();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:mappings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.jpa.hibernate.ddl-auto=create-drop", "spring.main.banner-mode=off")
			.run("--paid.base-url=" + server.baseUrl(), "--paid.api-key=" + server.apiKey())) {
			EntityMappings mappings = context.getBean(EntityMappings.class);
			assertThat(context.getBean(PaidEntityCapture.class).mappings()).isSameAs(mappings);
			assertThat(context.getBean(PaidSyncBackfill.class).mappings()).isSameAs(mappings);
			// building the mappings asks every PaidMapper for its entity class once
			assertThat(context.getBean(CountingLeadMapper.class).entityTypeCalls).hasValue(1);
			assertThat(mappings.isSynced(Lead.class)).isTrue();
			assertThat(mappings.isSynced(Account.class)).isTrue();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = Account.class)
	static class App {

		@Bean
		CountingLeadMapper leadMapper() {
			return new CountingLeadMapper();
		}

	}

	static final class CountingLeadMapper implements PaidMapper<Lead> {

		final AtomicInteger entityTypeCalls = new AtomicInteger();

		@Override
		public Class<Lead> entityType() {
			this.entityTypeCalls.incrementAndGet();
			return Lead.class;
		}

		@Override
		public PaidEntityData map(Lead lead) {
			return PaidCustomerData.builder("lead-" + lead.getCode()).name(lead.getCompany()).build();
		}

	}

}
