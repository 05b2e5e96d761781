package ai.paid.spring.sync.users;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidMapper;
import ai.paid.spring.sync.PaidSyncOperations;
import ai.paid.spring.sync.PaidUserData;
import ai.paid.spring.sync.jpa.PaidSyncBackfill;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RecordedRequest;
import ai.paid.spring.test.TestDatabases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Users of a customer ({@code @PaidSync(type = USER)}, a {@link PaidMapper}, {@link PaidSyncOperations}, backfill)
 * reach the mock Paid server in their customer's lane, after the customer; a delete deactivates them (H2).
 */
class PaidSyncUserTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private ConfigurableApplicationContext context;

	private MockPaidServer server;

	@BeforeEach
	void start() {
		this.server = paid.server();
		this.context = new SpringApplicationBuilder(UsersApplication.class).web(WebApplicationType.NONE)
			.properties(TestDatabases.h2().propertyValues())
			.properties("spring.jpa.hibernate.ddl-auto=create-drop", "paid.outbox.initialize-schema=always",
					"paid.outbox.poll-interval=100ms", "paid.outbox.initial-backoff=50ms",
					"paid.outbox.max-backoff=200ms", "spring.main.banner-mode=off")
			.run("--paid.base-url=" + this.server.baseUrl(), "--paid.api-key=" + this.server.apiKey());
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@Test
	void userSavedWithItsCustomerReachesPaidAfterTheCustomer() {
		inTransaction((em) -> {
			Workspace acme = new Workspace("acme", "Acme Ltd");
			em.persist(new Member("usr_jane_doe", acme, "Jane Doe", "jane@acme.test"));
			em.persist(acme);
		});
		Map<String, Object> user = awaitUser("acme", "usr_jane_doe");
		assertThat(user).containsEntry("name", "Jane Doe")
			.containsEntry("email", "jane@acme.test")
			.containsEntry("status", "active")
			.containsEntry("customerExternalId", "acme");
		List<String> calls = this.server.requests()
			.stream()
			.map((request) -> request.method() + " " + request.relativePath())
			.toList();
		assertThat(calls).containsSubsequence("POST /customers/", "PUT /customers/acme/users/usr_jane_doe");
		RecordedRequest upsert = this.server.requests("PUT", "/customers/acme/users/").get(0);
		assertThat(upsert.jsonBody().toString())
			.isEqualTo("{\"name\":\"Jane Doe\",\"email\":\"jane@acme.test\",\"status\":\"active\"}");
	}

	@Test
	void renamedUserIsUpsertedAndDeletedUserIsDeactivated() {
		inTransaction((em) -> {
			Workspace acme = new Workspace("acme", "Acme Ltd");
			em.persist(acme);
			em.persist(new Member("usr_jane_doe", acme, "Jane Doe", "jane@acme.test"));
		});
		awaitUser("acme", "usr_jane_doe");
		inTransaction((em) -> em.find(Member.class, "usr_jane_doe").setFullName("Jane Smith"));
		await().atMost(WAIT).until(() -> "Jane Smith".equals(awaitUser("acme", "usr_jane_doe").get("name")));
		inTransaction((em) -> em.remove(em.find(Member.class, "usr_jane_doe")));
		await().atMost(WAIT).until(() -> "deactivated".equals(awaitUser("acme", "usr_jane_doe").get("status")));
		RecordedRequest last = this.server.requests("PUT", "/customers/acme/users/usr_jane_doe").get(2);
		assertThat(last.jsonBody().toString()).isEqualTo("{\"status\":\"deactivated\"}");
		assertThat(this.server.customerUsers()).hasSize(1);
	}

	@Test
	void userMappedByAPaidMapperAndUserFromPaidSyncOperationsAreSent() {
		inTransaction((em) -> {
			em.persist(new Workspace("acme", "Acme Ltd"));
			em.persist(new Guest("guest-1", "acme", "Visiting Auditor"));
		});
		assertThat(awaitUser("acme", "guest-1")).containsEntry("name", "Visiting Auditor");
		TransactionTemplate transaction = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		PaidSyncOperations sync = this.context.getBean(PaidSyncOperations.class);
		transaction.executeWithoutResult((status) -> sync
			.user(PaidUserData.builder("usr_john", "acme").name("John Doe").email("john@acme.test").build()));
		assertThat(awaitUser("acme", "usr_john")).containsEntry("email", "john@acme.test");
		transaction.executeWithoutResult((status) -> sync.delete(PaidEntityType.USER, "usr_john", "acme"));
		await().atMost(WAIT).until(() -> "deactivated".equals(awaitUser("acme", "usr_john").get("status")));
	}

	@Test
	void backfillSendsExistingUsersAfterTheirCustomers() {
		JdbcTemplate jdbc = this.context.getBean(JdbcTemplate.class);
		jdbc.update("INSERT INTO workspace (id, name) VALUES ('old-ws', 'Old Workspace')");
		jdbc.update("INSERT INTO member (id, full_name, email, workspace_id) VALUES ('old-user', 'Old User', "
				+ "'old@ws.test', 'old-ws')");
		assertThat(this.server.customers()).isEmpty();
		this.context.getBean(PaidSyncBackfill.class).backfill();
		assertThat(awaitUser("old-ws", "old-user")).containsEntry("name", "Old User");
		List<String> calls = this.server.requests()
			.stream()
			.map((request) -> request.method() + " " + request.relativePath())
			.toList();
		assertThat(calls).containsSubsequence("POST /customers/", "PUT /customers/old-ws/users/old-user");
	}

	private Map<String, Object> awaitUser(String customer, String user) {
		await().atMost(WAIT).until(() -> this.server.customerUser(customer, user).isPresent());
		return this.server.customerUser(customer, user).orElseThrow();
	}

	private void inTransaction(Consumer<EntityManager> work) {
		EntityManagerFactory emf = this.context.getBean(EntityManagerFactory.class);
		new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> work.accept(EntityManagerFactoryUtils.getTransactionalEntityManager(emf)));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = Workspace.class)
	static class UsersApplication {

		@Bean
		PaidMapper<Guest> guestMapper() {
			return PaidMapper.of(Guest.class, (guest) -> PaidUserData.builder(guest.getId(), guest.getWorkspaceId())
				.name(guest.getDisplayName())
				.build());
		}

	}

}
