package ai.paid.spring.sync.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.PaidRetryPolicy;
import ai.paid.spring.client.WebClientPaidClient;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.sync.PaidContactData;
import ai.paid.spring.sync.PaidCustomerData;
import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidOrderData;
import ai.paid.spring.sync.PaidOrderLine;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RequestMatch;
import ai.paid.spring.test.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The delivery handlers against the mock Paid server, fed outbox records directly (as the dispatcher would).
 */
class DeliveryHandlersTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private final AtomicLong ids = new AtomicLong();

	private final SyncMessages messages = new SyncMessages(new SyncPayloadCodec());

	private MockPaidServer server;

	private JdbcTemplate jdbc;

	private CustomerDeliveryHandler customers;

	private ContactDeliveryHandler contacts;

	private OrderDeliveryHandler orders;

	@BeforeEach
	void setUp() {
		this.server = paid.server();
		this.jdbc = new JdbcTemplate(TestDatabases.h2().dataSource());
		this.jdbc.execute("CREATE TABLE paid_sync_link (entity_type VARCHAR(32), entity_id VARCHAR(191), "
				+ "paid_id VARCHAR(128), updated_at TIMESTAMP, PRIMARY KEY (entity_type, entity_id))");
		// the outbox's own tables: the handlers ask OutboxQueries what is queued
		new ResourceDatabasePopulator(new ClassPathResource("ai/paid/spring/outbox/schema-h2.sql"))
			.execute(Objects.requireNonNull(this.jdbc.getDataSource()));
		PaidClient client = WebClientPaidClient.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey(this.server.apiKey())
			.retryPolicy(PaidRetryPolicy.none())
			.build();
		this.customers = new CustomerDeliveryHandler(client, this.jdbc);
		this.contacts = new ContactDeliveryHandler(client, this.jdbc);
		this.orders = new OrderDeliveryHandler(client, this.jdbc, Duration.ofMinutes(10));
		this.server.seedProduct("AI SDR - Pro", "ai-sdr-pro");
	}

	@Test
	void customerIsCreatedOnFirstDeliveryThenUpdatedByExternalId() {
		deliver(this.customers, customer("Acme Ltd"), 0);
		deliver(this.customers, customer("Acme Limited"), 0);
		assertThat(this.server.customers()).singleElement()
			.satisfies((customer) -> assertThat(customer).containsEntry("name", "Acme Limited")
				.containsEntry("externalId", "acme"));
		assertThat(this.server.requests("PUT", "/customers/external/acme")).hasSize(2);
		assertThat(this.server.requests("POST", "/customers/")).hasSize(1);
		assertThat(link("CUSTOMER", "acme")).isEqualTo(this.server.customerByExternalId("acme").get().get("id"));
	}

	@Test
	void fieldClearedLocallyIsClearedInPaid() {
		deliver(this.customers, upsert(PaidCustomerData.builder("acme")
			.name("Acme Ltd")
			.vatNumber("GB123")
			.billingAddress(new PaidCustomerData.CustomerAddress(null, null, null, null, null, "GB"))
			.build()), 0);
		deliver(this.customers, this.messages.upsert(PaidCustomerData.builder("acme").name("Acme Ltd").build(),
				Set.of("vatNumber", "billingAddress", "email")), 0);
		assertThat(this.server.customerByExternalId("acme").orElseThrow()).containsEntry("vatNumber", null)
			.containsEntry("billingAddress", null)
			.containsEntry("name", "Acme Ltd");
	}

	@Test
	void contactIsLinkedToItsCustomersPaidId() {
		deliver(this.customers, customer("Acme Ltd"), 0);
		deliver(this.contacts, contact("acme"), 0);
		Map<String, Object> contact = this.server.contactByExternalId("c-john").orElseThrow();
		assertThat(contact).containsEntry("customerId", link("CUSTOMER", "acme"))
			.containsEntry("firstName", "John")
			.containsEntry("email", "john.doe@acme.test");
		assertThat(link("CONTACT", "c-john")).isEqualTo(contact.get("id"));
	}

	@Test
	void contactOfACustomerLinkedElsewhereIsResolvedByExternalId() {
		this.server.seedCustomer("Acme Ltd", "acme");
		deliver(this.contacts, contact("acme"), 0);
		assertThat(this.server.contactByExternalId("c-john")).isPresent();
		assertThat(this.server.requests("GET", "/customers/external/acme")).hasSize(1);
	}

	@Test
	void contactMovedToAnotherCustomerGetsTheNewCustomerId() {
		deliver(this.customers, customer("Acme Ltd"), 0);
		deliver(this.customers, upsert(PaidCustomerData.builder("globex").name("Globex").build()), 0);
		deliver(this.contacts, contact("acme"), 0);
		deliver(this.contacts, contact("globex"), 0);
		assertThat(this.server.contactByExternalId("c-john").orElseThrow()).containsEntry("customerId",
				link("CUSTOMER", "globex"));
		assertThat(this.server.contacts()).hasSize(1);
	}

	@Test
	void contactWhoseCustomerIsNeitherInPaidNorQueuedParksAtOnceWithAClearMessage() {
		DeliveryOutcome outcome = deliver(this.contacts, contact("ghost"), 0);
		assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.PARK);
		assertThat(outcome.reason()).isEqualTo("Paid has no customer with external id 'ghost', which contact "
				+ "'c-john' refers to; it is not queued for Paid either. Make sure the customer is synced "
				+ "(a @PaidSync entity or sent through PaidSyncOperations), then retry the lane, or skip the "
				+ "lane with its dependents (skip-lane)");
		// looked up once before and once after finding it not queued (another instance may just have delivered it)
		assertThat(this.server.requests("GET", "/customers/external/ghost")).hasSize(2);
	}

	@Test
	void contactWhoseCustomerReachedPaidWhileItWasLookedUpIsDelivered() {
		// the first lookup misses; the customer's row is gone by the queued check (delivered by another instance)
		this.server.failNext(1, 404, RequestMatch.path("/customers/external/acme"));
		this.server.seedCustomer("Acme Ltd", "acme");
		assertThat(deliver(this.contacts, contact("acme"), 0).kind()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
		assertThat(this.server.requests("GET", "/customers/external/acme")).hasSize(2);
		assertThat(this.server.contactByExternalId("c-john").orElseThrow()).containsEntry("customerId",
				link("CUSTOMER", "acme"));
	}

	@Test
	void contactWhoseCustomerIsStillQueuedInItsOwnLaneAppliesThatCustomerFirst() {
		OutboxMessage globex = upsert(PaidCustomerData.builder("globex").name("Globex").build());
		this.jdbc.update("INSERT INTO paid_sync_outbox (lane_key, entity_type, entity_id, op, payload) "
				+ "VALUES ('cust:globex', 'CUSTOMER', 'globex', 'UPSERT', ?)", globex.payload());
		deliver(this.contacts, contact("globex"), 7);
		Map<String, Object> customer = this.server.customerByExternalId("globex").orElseThrow();
		assertThat(customer).containsEntry("name", "Globex");
		assertThat(this.server.contactByExternalId("c-john").orElseThrow()).containsEntry("customerId",
				customer.get("id"));
		deliver(this.customers, globex, 0);
		assertThat(this.server.customers()).hasSize(1);
	}

	@Test
	void contactWhoseCustomerIsBeingDeletedWaitsWhileTheDeleteIsQueued() {
		this.jdbc.update("INSERT INTO paid_sync_outbox (lane_key, entity_type, entity_id, op, payload) "
				+ "VALUES ('cust:globex', 'CUSTOMER', 'globex', 'DELETE', '{\"version\":1}')");
		DeliveryOutcome outcome = deliver(this.contacts, contact("globex"), 7);
		assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.WAIT);
		assertThat(outcome.reason()).endsWith("it is still queued for Paid, waiting for it");
	}

	@Test
	void orderIsCreatedWithLinesAndBillingContactThenUpdatedByItsPaidId() {
		deliver(this.customers, customer("Acme Ltd"), 0);
		deliver(this.contacts, contact("acme"), 0);
		deliver(this.orders, order("AI SDR - Pro"), 0);
		Map<String, Object> order = this.server.orders().get(0);
		assertThat(order).containsEntry("customerId", link("CUSTOMER", "acme"))
			.containsEntry("billingContactIds", List.of(link("CONTACT", "c-john")))
			.containsEntry("name", "AI SDR - Pro");
		assertThat(this.server.orderLines((String) order.get("id"))).singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("productId",
					this.server.products().get(0).get("id")));
		assertThat(link("ORDER", "sub-1")).isEqualTo(order.get("id"));
		deliver(this.orders, order("AI SDR - Pro (annual)"), 0);
		assertThat(this.server.orders()).singleElement()
			.satisfies((updated) -> assertThat(updated).containsEntry("name", "AI SDR - Pro (annual)"));
		assertThat(this.server.requests("PUT", "/orders/" + order.get("id"))).hasSize(1);
	}

	@Test
	void orderCreateLostAfterPaidProcessedItIsAdoptedNotRepeated() {
		deliver(this.customers, customer("Acme Ltd"), 0);
		deliver(this.contacts, contact("acme"), 0);
		this.server.crashAfterProcessing(1, RequestMatch.of("POST", "/orders/"));
		assertThatThrownBy(() -> deliver(this.orders, order("AI SDR - Pro"), 0))
			.isInstanceOfSatisfying(PaidApiException.class, (ex) -> assertThat(ex.getStatus()).isZero());
		assertThat(link("ORDER", "sub-1")).isNull();
		deliver(this.orders, order("AI SDR - Pro"), 1);
		assertThat(this.server.ordersByExternalId("sub-1")).hasSize(1);
		assertThat(this.server.orders()).hasSize(1);
		assertThat(link("ORDER", "sub-1")).isEqualTo(this.server.orders().get(0).get("id"));
		assertThat(this.server.requests("GET", "/customers/external/acme/state")).hasSize(1);
	}

	@Test
	void orderCreateThatNeverReachedPaidIsCreatedOnRetry() {
		deliver(this.customers, customer("Acme Ltd"), 0);
		deliver(this.contacts, contact("acme"), 0);
		this.server.dropConnections(1, RequestMatch.of("POST", "/orders/"));
		assertThatThrownBy(() -> deliver(this.orders, order("AI SDR - Pro"), 0)).isInstanceOf(PaidApiException.class);
		deliver(this.orders, order("AI SDR - Pro"), 1);
		assertThat(this.server.ordersByExternalId("sub-1")).hasSize(1);
	}

	@Test
	void deletesRemoveFromPaidAndTreatMissingAsDone() {
		deliver(this.customers, customer("Acme Ltd"), 0);
		deliver(this.contacts, contact("acme"), 0);
		deliver(this.orders, order("AI SDR - Pro"), 0);
		deliver(this.orders, this.messages.delete(PaidEntityType.ORDER, "sub-1", "acme"), 0);
		deliver(this.contacts, this.messages.delete(PaidEntityType.CONTACT, "c-john", "acme"), 0);
		deliver(this.customers, this.messages.delete(PaidEntityType.CUSTOMER, "acme", "acme"), 0);
		assertThat(this.server.orders()).isEmpty();
		assertThat(this.server.contacts()).isEmpty();
		assertThat(this.server.customerByExternalId("acme")).isEmpty();
		assertThat(link("ORDER", "sub-1")).isNull();
		deliver(this.customers, this.messages.delete(PaidEntityType.CUSTOMER, "acme", "acme"), 0);
		deliver(this.contacts, this.messages.delete(PaidEntityType.CONTACT, "c-john", "acme"), 0);
		deliver(this.orders, this.messages.delete(PaidEntityType.ORDER, "sub-1", "acme"), 1);
	}

	@Test
	void fieldPaidRejectsFailsWithPaidsMessageAndIsNotRetryable() {
		assertThatThrownBy(() -> deliver(this.customers,
				upsert(PaidCustomerData.builder("acme").name("Acme").defaultCurrency("usd").build()), 0))
			.isInstanceOfSatisfying(PaidApiException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(400);
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getMessage()).contains("defaultCurrency");
			});
	}

	private OutboxMessage customer(String name) {
		return upsert(PaidCustomerData.builder("acme").name(name).email("billing@acme.test").build());
	}

	private OutboxMessage contact(String customer) {
		return upsert(PaidContactData.builder("c-john", customer)
			.firstName("John")
			.lastName("Doe")
			.email("john.doe@acme.test")
			.build());
	}

	private OutboxMessage order(String name) {
		return upsert(PaidOrderData.builder("sub-1", "acme")
			.name(name)
			.billingContactExternalIds(List.of("c-john"))
			.startDate(OffsetDateTime.of(2025, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC))
			.currency("USD")
			.lines(List.of(PaidOrderLine.of("ai-sdr-pro")))
			.build());
	}

	private OutboxMessage upsert(PaidEntityData data) {
		return this.messages.upsert(data);
	}

	private DeliveryOutcome deliver(OutboxDeliveryHandler handler, OutboxMessage message, int attempts) {
		assertThat(handler.entityType()).isEqualTo(message.entityType());
		OutboxRecord record = new OutboxRecord(this.ids.incrementAndGet(), message.lane(), message.entityType(),
				message.entityId(), message.operation(), message.payload(), attempts, Instant.now());
		return handler.deliver(record).defaultIfEmpty(DeliveryOutcome.delivered()).block();
	}

	private String link(String type, String externalId) {
		List<String> ids = this.jdbc.queryForList(
				"SELECT paid_id FROM paid_sync_link WHERE entity_type = ? AND entity_id = ?", String.class, type,
				externalId);
		return ids.isEmpty() ? null : ids.get(0);
	}

}
