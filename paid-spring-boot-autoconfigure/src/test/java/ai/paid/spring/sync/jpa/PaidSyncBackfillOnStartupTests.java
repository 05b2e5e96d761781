package ai.paid.spring.sync.jpa;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ai.paid.spring.sync.BackfillProgress;
import ai.paid.spring.sync.fixtures.Account;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code paid.sync.backfill-on-startup}: an application started on a database that already holds accounts sends them
 * to Paid by itself, and its progress shows in the meters (H2).
 */
class PaidSyncBackfillOnStartupTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private final String url = "jdbc:h2:mem:backfill-startup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@Test
	void existingAccountsReachPaidAfterStartupAndTheGaugesShowProgress() {
		try (ConfigurableApplicationContext before = start("spring.jpa.hibernate.ddl-auto=create")) {
			List<Object[]> accounts = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				accounts.add(new Object[] { "old-" + i, "Old " + i });
			}
			before.getBean(JdbcTemplate.class)
				.batchUpdate("INSERT INTO account (id, company_name) VALUES (?, ?)", accounts);
		}
		MockPaidServer server = paid.server();
		assertThat(server.customers()).isEmpty();
		try (ConfigurableApplicationContext context = start("spring.jpa.hibernate.ddl-auto=none",
				"paid.sync.backfill-on-startup=true", "paid.sync.backfill.chunk-size=10")) {
			await().atMost(Duration.ofSeconds(20)).until(() -> server.customers().size() == 25);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Gauge done = registry.get("paid.sync.backfill.done").tag("entity", "Account").gauge();
				Gauge total = registry.get("paid.sync.backfill.total").tag("entity", "Account").gauge();
				assertThat(done.value()).isEqualTo(25);
				assertThat(total.value()).isEqualTo(25);
			});
			assertThat(context.getBean(PaidSyncBackfill.class).progressOf("Account").state())
				.isEqualTo(BackfillProgress.DONE);
		}
	}

	@Test
	void nothingIsBackfilledOnStartupByDefault() {
		try (ConfigurableApplicationContext before = start("spring.jpa.hibernate.ddl-auto=create")) {
			before.getBean(JdbcTemplate.class)
				.update("INSERT INTO account (id, company_name) VALUES ('quiet-1', 'Quiet')");
		}
		MockPaidServer server = paid.server();
		try (ConfigurableApplicationContext context = start("spring.jpa.hibernate.ddl-auto=none")) {
			await().during(Duration.ofMillis(700))
				.atMost(Duration.ofSeconds(3))
				.until(() -> server.customers().isEmpty());
			assertThat(context.getBean(PaidSyncBackfill.class).progressOf("Account").state())
				.isEqualTo(BackfillProgress.NOT_STARTED);
		}
	}

	private ConfigurableApplicationContext start(String... properties) {
		MockPaidServer server = paid.server();
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + this.url, "paid.outbox.poll-interval=100ms",
					"spring.main.banner-mode=off")
			.properties(properties)
			.run("--paid.base-url=" + server.baseUrl(), "--paid.api-key=" + server.apiKey());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = Account.class)
	static class App {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
