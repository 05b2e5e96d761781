package ai.paid.spring.sync;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.OutboxQueries;
import ai.paid.spring.sync.fixtures.Account;
import ai.paid.spring.sync.fixtures.Contact;
import ai.paid.spring.sync.fixtures.Subscription;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RecordedRequest;
import ai.paid.spring.test.RequestMatch;
import ai.paid.spring.test.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The seed scenario and its follow-ups end to end: a JPA application with the starter's auto-configuration, a real
 * database (one subclass per database, each in a schema of its own), the outbox dispatcher and the mock Paid server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractPaidSyncEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private ConfigurableApplicationContext context;

	private MockPaidServer server;

	private String run;

	/** The database to run against; called once per test class. */
	protected abstract TestDatabase database();

	@BeforeAll
	void startApplication() {
		MockPaidServer server = paid.server();
		TestDatabase database = database();
		this.context = new SpringApplicationBuilder(SeedApplication.class).web(WebApplicationType.NONE)
			.properties(database.propertyValues())
			.properties("spring.jpa.hibernate.ddl-auto=create-drop", "paid.outbox.initialize-schema=always",
					"paid.outbox.poll-interval=100ms", "paid.outbox.initial-backoff=50ms",
					"paid.outbox.max-backoff=200ms",
					"paid.sync.product-id-cache-ttl=0s", "paid.outbox.circuit-breaker.open-duration=200ms",
					"spring.main.banner-mode=off")
			// arguments, so the (empty) PAID_API_KEY of the test environment cannot override them
			.run("--paid.base-url=" + server.baseUrl(), "--paid.api-key=" + server.apiKey());
	}

	@AfterAll
	void stopApplication() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@BeforeEach
	void seedProduct() {
		this.server = paid.server();
		this.server.seedProduct("AI SDR - Pro", "ai-sdr-pro");
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void signUpReachesPaidAsCustomerContactAndOrderLinkedAndInOrder() {
		inTransaction((em) -> signUp(em));
		Map<String, Object> order = awaitOrder();
		Map<String, Object> customer = this.server.customerByExternalId(acme()).orElseThrow();
		Map<String, Object> contact = this.server.contactByExternalId(john()).orElseThrow();
		assertThat(customer).containsEntry("name", "Acme Ltd");
		assertThat(contact).containsEntry("customerId", customer.get("id"))
			.containsEntry("firstName", "John")
			.containsEntry("lastName", "Doe");
		assertThat(order).containsEntry("customerId", customer.get("id"))
			.containsEntry("billingContactIds", List.of(contact.get("id")))
			.containsEntry("name", "AI SDR - Pro");
		assertThat((String) order.get("startDate")).startsWith("2025-06-01T00:00");
		assertThat(this.server.orderLines((String) order.get("id"))).singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("productId", this.server.products().get(0).get("id")));
		List<String> creates = this.server.requests()
			.stream()
			.filter((request) -> request.method().equals("POST"))
			.map(RecordedRequest::relativePath)
			.toList();
		assertThat(creates).containsSubsequence("/customers/", "/contacts/", "/orders/");
	}

	@Test
	void updatesSendOnlyMappedChangesAndCoalesceWhilePending() {
		inTransaction((em) -> signUp(em));
		awaitOrder();
		this.server.clearRequests();
		this.server.failFor(Duration.ofSeconds(2), 503, RequestMatch.path("/customers/external/" + acme()));
		inTransaction((em) -> em.find(Account.class, acme()).setCompanyName("Acme A"));
		inTransaction((em) -> em.find(Account.class, acme()).setCompanyName("Acme B"));
		inTransaction((em) -> em.find(Account.class, acme()).setNotes("not for Paid"));
		// one pending row for the customer, however often it changed (contact and order rows of the lane may still
		// be completing)
		assertThat(this.context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT count(*) FROM paid_sync_outbox WHERE entity_type = 'CUSTOMER' AND entity_id = ?",
					Integer.class, acme())).isLessThanOrEqualTo(1);
		await().atMost(WAIT)
			.until(() -> "Acme B".equals(this.server.customerByExternalId(acme()).orElseThrow().get("name")));
		List<RecordedRequest> puts = this.server.requests("PUT", "/customers/external/" + acme());
		assertThat(puts.stream().filter((put) -> put.body().contains("Acme A"))).hasSizeLessThanOrEqualTo(1);
		this.server.clearRequests();
		inTransaction((em) -> findJohn(em).setTitle("CRO"));
		inTransaction((em) -> em.persist(new Account("marker-" + this.run, "Marker")));
		await().atMost(WAIT).until(() -> this.server.customerByExternalId("marker-" + this.run).isPresent());
		assertThat(this.server.requests("PUT", "/contacts/")).isEmpty();
	}

	@Test
	void contactMovedToAnotherCustomerIsRelinkedInPaid() {
		inTransaction((em) -> signUp(em));
		awaitOrder();
		inTransaction((em) -> em.persist(new Account("globex-" + this.run, "Globex")));
		inTransaction((em) -> findJohn(em).setAccount(em.find(Account.class, "globex-" + this.run)));
		awaitAsserted(() -> {
			Object globex = this.server.customerByExternalId("globex-" + this.run).orElseThrow().get("id");
			assertThat(this.server.contactByExternalId(john()).orElseThrow()).containsEntry("customerId", globex);
		});
	}

	@Test
	void contactMovedWhileItsChangeIsPendingFollowsTheNewCustomerIntoItsLane() {
		inTransaction((em) -> signUp(em));
		awaitOrder();
		String globex = "globex-" + this.run;
		OutboxAdmin admin = this.context.getBean(OutboxAdmin.class);
		admin.pause();
		try {
			inTransaction((em) -> findJohn(em).setEmail("john@globex.test"));
			inTransaction((em) -> em.persist(new Account(globex, "Globex")));
			inTransaction((em) -> findJohn(em).setAccount(em.find(Account.class, globex)));
			assertThat(this.context.getBean(OutboxQueries.class).pendingChange("CONTACT", john()))
				.hasValueSatisfying((change) -> assertThat(change.lane()).isEqualTo("cust:" + globex));
			this.server.clearRequests();
		}
		finally {
			admin.resume();
		}
		awaitAsserted(() -> {
			Object id = this.server.customerByExternalId(globex).orElseThrow().get("id");
			assertThat(this.server.contactByExternalId(john()).orElseThrow()).containsEntry("customerId", id)
				.containsEntry("email", "john@globex.test");
		});
		List<String> paths = this.server.requests().stream().map(RecordedRequest::path).toList();
		int customer = paths.indexOf(paths.stream()
			.filter((path) -> path.contains("/customers/external/" + globex))
			.findFirst()
			.orElseThrow());
		int contact = paths.indexOf(
				paths.stream().filter((path) -> path.contains("/contacts/")).findFirst().orElseThrow());
		assertThat(customer).as("new customer before the moved contact in %s", paths).isLessThan(contact);
		assertThat(parkReason(acme())).isNull();
	}

	@Test
	void contactMovedAgainBeforeItsFirstMoveReachedPaidWaitsForTheNewCustomer() {
		inTransaction((em) -> signUp(em));
		awaitOrder();
		String first = "first-" + this.run;
		String second = "second-" + this.run;
		inTransaction((em) -> em.persist(new Account(first, "First")));
		await().atMost(WAIT).until(() -> this.server.customerByExternalId(first).isPresent());
		// the first move stays pending (in the first customer's lane) while Paid refuses contact updates; the second
		// move takes the pending row to the second customer's lane, behind that customer, which Paid refuses for
		// longer: the contact waits for it there, and the first customer's lane parks nothing
		this.server.failFor(Duration.ofMillis(1500), 503, RequestMatch.path("/contacts/external/" + john()));
		this.server.failFor(Duration.ofMillis(3000), 503, RequestMatch.path("/customers/external/" + second));
		inTransaction((em) -> findJohn(em).setAccount(em.find(Account.class, first)));
		inTransaction((em) -> em.persist(new Account(second, "Second")));
		inTransaction((em) -> findJohn(em).setAccount(em.find(Account.class, second)));
		awaitAsserted(() -> {
			Object id = this.server.customerByExternalId(second).orElseThrow().get("id");
			assertThat(this.server.contactByExternalId(john()).orElseThrow()).containsEntry("customerId", id);
		});
		assertThat(parkReason(first)).isNull();
	}

	@Test
	void deletesRemoveOrderContactAndCustomerFromPaid() {
		inTransaction((em) -> signUp(em));
		awaitOrder();
		inTransaction((em) -> {
			em.remove(em.find(Subscription.class, sub()));
			em.remove(findJohn(em));
			em.flush();
			em.remove(em.find(Account.class, acme()));
		});
		await().atMost(WAIT).until(() -> this.server.customerByExternalId(acme()).isEmpty());
		assertThat(this.server.contactByExternalId(john())).isEmpty();
		assertThat(this.server.ordersByExternalId(sub())).isEmpty();
	}

	@Test
	void orderCreateLostAfterPaidProcessedItCreatesExactlyOneOrder() {
		this.server.crashAfterProcessing(1, RequestMatch.of("POST", "/orders/"));
		inTransaction((em) -> signUp(em));
		await().atMost(WAIT).until(() -> link("ORDER", sub()) != null);
		assertThat(this.server.ordersByExternalId(sub())).hasSize(1);
		assertThat(this.server.requests("POST", "/orders/")).hasSize(1);
	}

	@Test
	void businessTransactionCommitsWhilePaidIsDownAndChangesArriveLater() {
		this.server.failFor(Duration.ofSeconds(2), 503);
		inTransaction((em) -> signUp(em));
		assertThat(this.server.customerByExternalId(acme())).isEmpty();
		awaitOrder();
	}

	@Test
	void dataPaidRejectsParksOnlyThatCustomersLaneWithPaidsMessage() {
		PaidSyncOperations paidSync = this.context.getBean(PaidSyncOperations.class);
		transactionTemplate().executeWithoutResult((status) -> paidSync
			.customer(PaidCustomerData.builder("bad-" + this.run).name("Bad").defaultCurrency("usd").build()));
		inTransaction((em) -> signUp(em));
		awaitOrder();
		await().atMost(WAIT).until(() -> parkReason("bad-" + this.run) != null);
		assertThat(parkReason("bad-" + this.run)).contains("400").contains("defaultCurrency");
	}

	@Test
	void contactOfACustomerPaidDoesNotHaveParksItsLaneWithAClearMessage() {
		PaidSyncOperations paidSync = this.context.getBean(PaidSyncOperations.class);
		transactionTemplate().executeWithoutResult((status) -> paidSync
			.contact(PaidContactData.builder("c-ghost-" + this.run, "ghost-" + this.run).email("g@x.test").build()));
		await().atMost(WAIT).until(() -> parkReason("ghost-" + this.run) != null);
		assertThat(parkReason("ghost-" + this.run)).contains("Paid has no customer with external id 'ghost-" + this.run
				+ "', which contact 'c-ghost-" + this.run + "' refers to");
	}

	@Test
	void skippingAParkedCustomerParksItsDependentsAtOnceAndOneSkipLaneClearsTheLane() {
		String customer = "rejected-" + this.run;
		String lane = "cust:" + customer;
		PaidSyncOperations paidSync = this.context.getBean(PaidSyncOperations.class);
		transactionTemplate().executeWithoutResult((status) -> {
			paidSync.customer(PaidCustomerData.builder(customer).name("Rejected").defaultCurrency("usd").build());
			paidSync.contact(PaidContactData.builder("c1-" + customer, customer).email("one@x.test").build());
			paidSync.contact(PaidContactData.builder("c2-" + customer, customer).email("two@x.test").build());
		});
		await().atMost(WAIT).until(() -> parkReason(customer) != null);
		assertThat(parkReason(customer)).contains("400");
		OutboxAdmin admin = this.context.getBean(OutboxAdmin.class);
		OutboxQueries queries = this.context.getBean(OutboxQueries.class);
		admin.skipHead(lane);
		// the first dependent parks on its first attempt, with the reason and the action
		await().atMost(WAIT).until(() -> parkReason(customer) != null);
		assertThat(parkReason(customer)).contains("Paid has no customer with external id '" + customer + "'")
			.contains("skip-lane");
		assertThat(queries.pendingChange("CONTACT", "c1-" + customer)).hasValueSatisfying(
				(change) -> assertThat(change.attempts()).isEqualTo(1));
		assertThat(admin.skipLane(lane)).isEqualTo(2);
		assertThat(parkReason(customer)).isNull();
		assertThat(queries.isPending("CONTACT", "c2-" + customer)).isFalse();
		assertThat(this.server.contactByExternalId("c1-" + customer)).isEmpty();
		// fixed and sent again, the customer's lane flows
		transactionTemplate().executeWithoutResult((status) -> {
			paidSync.customer(PaidCustomerData.builder(customer).name("Fixed").defaultCurrency("USD").build());
			paidSync.contact(PaidContactData.builder("c1-" + customer, customer).email("one@x.test").build());
		});
		await().atMost(WAIT).until(() -> this.server.contactByExternalId("c1-" + customer).isPresent());
	}

	@Test
	void aTransactionalSignalForACustomerStillQueuedWaitsForItWithoutConsumingAttempts() {
		String customer = "signal-" + this.run;
		this.server.failSignalsForUnknownCustomers(true);
		this.server.failFor(Duration.ofSeconds(2), 503, RequestMatch.path("/customers/external/" + customer));
		PaidSyncOperations paidSync = this.context.getBean(PaidSyncOperations.class);
		ai.paid.spring.signal.PaidSignals signals = this.context.getBean(ai.paid.spring.signal.PaidSignals.class);
		try {
			transactionTemplate().executeWithoutResult((status) -> {
				paidSync.customer(PaidCustomerData.builder(customer).name("Signals Ltd").build());
				signals.emit("meeting_booked").customer(customer).product("ai-sdr-pro").send();
			});
			// the mock drops a signal whose customer it does not have: the signal arrives only if it waited
			await().atMost(WAIT).until(() -> this.server.signals()
				.stream()
				.anyMatch((signal) -> signal.get("customer") instanceof Map<?, ?> of
						&& customer.equals(of.get("externalCustomerId"))));
			assertThat(this.server.customerByExternalId(customer)).isPresent();
		}
		finally {
			this.server.failSignalsForUnknownCustomers(false);
		}
	}

	@Test
	void nullExternalIdFailsTheSavingTransactionNamingTheMember() {
		assertThatThrownBy(() -> inTransaction((em) -> {
			Account account = new Account(acme(), "Acme Ltd");
			em.persist(account);
			em.persist(new Contact(null, account, "John", "Doe", "john@acme.test"));
		})).hasStackTraceContaining("Contact.ref (@PaidExternalId) is null");
		assertThat(this.context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT count(*) FROM account WHERE id = ?", Integer.class, acme())).isZero();
	}

	@Test
	void plainJdbcCodeSyncsThroughThePaidSyncBeanAndRollbackSendsNothing() {
		PaidSyncOperations paidSync = this.context.getBean(PaidSyncOperations.class);
		JdbcTemplate jdbc = this.context.getBean(JdbcTemplate.class);
		String rolledBack = "rolled-back-" + this.run;
		assertThatThrownBy(() -> transactionTemplate().executeWithoutResult((status) -> {
			paidSync.customer(PaidCustomerData.builder(rolledBack).name("Never").build());
			throw new IllegalStateException("business failure");
		})).hasMessage("business failure");
		transactionTemplate().executeWithoutResult((status) -> {
			jdbc.update("INSERT INTO account (id, company_name) VALUES (?, ?)", acme(), "Acme Ltd");
			paidSync.customer(PaidCustomerData.builder(acme()).name("Acme Ltd").build());
			paidSync.contact(PaidContactData.builder(john(), acme())
				.firstName("John")
				.lastName("Doe")
				.email("john.doe@acme.test")
				.build());
			paidSync.order(PaidOrderData.builder(sub(), acme())
				.name("AI SDR - Pro")
				.billingContactExternalIds(List.of(john()))
				.lines(List.of(PaidOrderLine.of("ai-sdr-pro")))
				.build());
		});
		Map<String, Object> order = awaitOrder();
		assertThat(order).containsEntry("customerId", this.server.customerByExternalId(acme()).orElseThrow().get("id"));
		assertThat(this.server.customerByExternalId(rolledBack)).isEmpty();
		assertThat(pendingRows(rolledBack)).isZero();
		transactionTemplate().executeWithoutResult((status) -> paidSync.delete(PaidEntityType.ORDER, sub(), acme()));
		await().atMost(WAIT).until(() -> this.server.ordersByExternalId(sub()).isEmpty());
	}

	private void signUp(EntityManager em) {
		Account acme = new Account(acme(), "Acme Ltd");
		acme.setEmail("billing@acme.test");
		em.persist(acme);
		Contact john = new Contact(john(), acme, "John", "Doe", "john.doe@acme.test");
		john.setTitle("VP of Sales");
		em.persist(john);
		em.persist(new Subscription(sub(), acme, john, "AI SDR - Pro", LocalDate.of(2025, 6, 1), "ai-sdr-pro"));
	}

	private Map<String, Object> awaitOrder() {
		awaitAsserted(() -> assertThat(this.server.ordersByExternalId(sub())).hasSize(1));
		return this.server.ordersByExternalId(sub()).get(0);
	}

	/** Awaits the assertion; on timeout, the failure shows what Paid received and what the outbox still holds. */
	private void awaitAsserted(org.awaitility.core.ThrowingRunnable assertion) {
		try {
			await().atMost(WAIT).ignoreExceptions().untilAsserted(assertion);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			JdbcTemplate jdbc = this.context.getBean(JdbcTemplate.class);
			throw new AssertionError(ex.getMessage() + "\nPaid received: " + this.server.requests()
					+ "\nOutbox rows: " + jdbc.queryForList("SELECT * FROM paid_sync_outbox") + "\nLanes: "
					+ jdbc.queryForList("SELECT * FROM paid_sync_lane"), ex);
		}
	}

	private String acme() {
		return "acme-" + this.run;
	}

	private String john() {
		return "c-john-" + this.run;
	}

	private String sub() {
		return "sub-" + this.run;
	}

	private Contact findJohn(EntityManager em) {
		return em.createQuery("select c from Contact c where c.ref = :ref", Contact.class)
			.setParameter("ref", john())
			.getSingleResult();
	}

	private int pendingRows(String customerExternalId) {
		return this.context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT count(*) FROM paid_sync_outbox WHERE lane_key = ?", Integer.class,
					"cust:" + customerExternalId);
	}

	private String parkReason(String customerExternalId) {
		List<String> reasons = this.context.getBean(JdbcTemplate.class)
			.queryForList("SELECT park_reason FROM paid_sync_lane WHERE lane_key = ? AND parked_at IS NOT NULL",
					String.class, "cust:" + customerExternalId);
		return reasons.isEmpty() ? null : reasons.get(0);
	}

	private String link(String type, String externalId) {
		List<String> ids = this.context.getBean(JdbcTemplate.class)
			.queryForList("SELECT paid_id FROM paid_sync_link WHERE entity_type = ? AND entity_id = ?", String.class,
					type, externalId);
		return ids.isEmpty() ? null : ids.get(0);
	}

	private TransactionTemplate transactionTemplate() {
		return new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
	}

	private void inTransaction(Consumer<EntityManager> work) {
		transactionTemplate().executeWithoutResult((status) -> work
			.accept(EntityManagerFactoryUtils.getTransactionalEntityManager(this.context.getBean(EntityManagerFactory.class))));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = Account.class)
	static class SeedApplication {

	}

}
