package ai.paid.spring.actuate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.OutboxQueries;
import ai.paid.spring.outbox.PaidCredentialsRejectedEvent;
import ai.paid.spring.outbox.PaidLaneParkedEvent;
import ai.paid.spring.outbox.PaidLaneRecoveredEvent;
import ai.paid.spring.sync.fixtures.Account;
import ai.paid.spring.sync.fixtures.Contact;
import ai.paid.spring.test.AutoConfigureMockPaid;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.RequestMatch;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code paidsync} actuator endpoint through the actuator HTTP API of a running application (H2, mock Paid).
 */
class PaidSyncEndpointTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Nested
	@SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=health,paidsync",
					"management.endpoint.paidsync.access=unrestricted" })
	@AutoConfigureMockPaid
	class Unrestricted extends Base {

		@Test
		void readShowsParkedLaneWithHeadRowAndNoPayloadOrKey() {
			String id = id("parked");
			this.paid.failNext(1, 400, RequestMatch.path("/customers/external/" + id));
			save(new Account(id, "Secret Corp"));
			await().atMost(WAIT).until(() -> get("").path("parkedLanes").asLong() == 1);
			HttpResult read = this.http.get("");
			assertThat(read.status()).isEqualTo(200);
			JsonNode body = read.json();
			JsonNode lane = body.path("parked").path("lanes").get(0);
			assertThat(lane.path("lane").asString()).isEqualTo("cust:" + id);
			assertThat(lane.path("entityType").asString()).isEqualTo("CUSTOMER");
			assertThat(lane.path("entityId").asString()).isEqualTo(id);
			assertThat(lane.path("operation").asString()).isEqualTo("UPSERT");
			assertThat(lane.path("attempts").asInt()).isEqualTo(1);
			assertThat(lane.path("httpStatus").asInt()).isEqualTo(400);
			assertThat(lane.path("lastError").asString()).isNotEmpty();
			assertThat(body.path("pendingRows").asLong()).isEqualTo(1);
			assertThat(body.path("oldestPendingAgeSeconds").isNumber()).isTrue();
			assertThat(body.path("dispatch").path("circuit").asString()).isEqualTo("CLOSED");
			assertThat(body.path("dispatch").path("credentialsRejected").asBoolean()).isFalse();
			assertThat(body.path("dispatch").path("paused").asBoolean()).isFalse();
			assertThat(body.path("backfill").path("entities").isArray()).isTrue();
			assertThat(read.body()).doesNotContain("Secret Corp").doesNotContain("payload").doesNotContain(this.paid.apiKey());
			// paging
			assertThat(get("?page=1&size=1").path("parked").path("lanes").size()).isZero();
			assertThat(this.http.get("?size=0").status()).isEqualTo(400);
		}

		@Test
		void retryUnparksTheLaneAndItsRowReachesPaid() {
			String id = id("retry");
			this.paid.failNext(1, 400, RequestMatch.path("/customers/external/" + id));
			save(new Account(id, "Retry Ltd"));
			await().atMost(WAIT).until(() -> get("").path("parkedLanes").asLong() == 1);
			HttpResult retry = this.http.post("/retry", "{\"lane\":\"cust:" + id + "\"}");
			assertThat(retry.status()).isEqualTo(200);
			assertThat(retry.json().path("retried").asBoolean()).isTrue();
			await().atMost(WAIT).until(() -> this.paid.customerByExternalId(id).isPresent());
			assertThat(get("").path("parkedLanes").asLong()).isZero();
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.recorded.events).filteredOn(PaidLaneRecoveredEvent.class::isInstance)
					.map(PaidLaneRecoveredEvent.class::cast)
					.anyMatch((event) -> event.lane().equals("cust:" + id) && event.entityId().equals(id)));
			assertThat(this.recorded.events).filteredOn(PaidLaneParkedEvent.class::isInstance)
				.map(PaidLaneParkedEvent.class::cast)
				.anyMatch((event) -> event.lane().equals("cust:" + id) && Integer.valueOf(400).equals(event.httpStatus()));
		}

		@Test
		void credentialsRejectedIsPublishedToTheApplicationAndShownInTheEndpoint() {
			String id = id("key");
			this.paid.failNext(1, 401, RequestMatch.path("/customers/external/" + id));
			save(new Account(id, "Key Ltd"));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.recorded.events)
					.filteredOn(PaidCredentialsRejectedEvent.class::isInstance)
					.map(PaidCredentialsRejectedEvent.class::cast)
					.anyMatch((event) -> event.httpStatus() == 401));
			// the probe after paid.outbox.credentials-probe-interval succeeds and dispatching resumes
			await().atMost(WAIT).until(() -> this.paid.customerByExternalId(id).isPresent());
			await().atMost(WAIT).until(() -> !get("").path("dispatch").path("credentialsRejected").asBoolean());
		}

		@Test
		void skipKeepsTheHeadRowForAuditAndTheLaneContinues() {
			String id = id("skip");
			this.paid.failNext(1, 400, RequestMatch.path("/customers/external/" + id));
			save(new Account(id, "Skip Ltd"));
			await().atMost(WAIT).until(() -> get("").path("parkedLanes").asLong() == 1);
			HttpResult skip = this.http.post("/skip", "{\"lane\":\"cust:" + id + "\"}");
			assertThat(skip.status()).isEqualTo(200);
			assertThat(skip.json().path("skipped").asBoolean()).isTrue();
			long rowId = skip.json().path("skippedRowId").asLong();
			assertThat(this.jdbc.queryForObject("SELECT state FROM paid_sync_outbox WHERE id = ?", Integer.class, rowId))
				.isEqualTo(4);
			assertThat(get("").path("parkedLanes").asLong()).isZero();
			update(id, "Skip Ltd 2");
			await().atMost(WAIT)
				.until(() -> this.paid.customerByExternalId(id).map((c) -> "Skip Ltd 2".equals(c.get("name"))).orElse(false));
		}

		@Test
		void skipLaneSkipsTheParkedHeadAndItsDependentsInOneActionAndTheLaneContinues() {
			String id = id("skip-lane");
			this.paid.failNext(1, 400, RequestMatch.path("/customers/external/" + id));
			new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
				Account account = new Account(id, "Skip Lane Ltd");
				em().persist(account);
				em().persist(new Contact("con-" + id, account, "Jane", "Roe", "jane@example.test"));
			});
			await().atMost(WAIT).until(() -> get("").path("parkedLanes").asLong() == 1);
			assertThat(get("").path("pendingRows").asLong()).isEqualTo(2);
			HttpResult skip = this.http.post("/skip-lane", "{\"lane\":\"cust:" + id + "\"}");
			assertThat(skip.status()).isEqualTo(200);
			assertThat(skip.json().path("skipped").asBoolean()).isTrue();
			assertThat(skip.json().path("skippedRows").asInt()).isEqualTo(2);
			assertThat(get("").path("parkedLanes").asLong()).isZero();
			assertThat(get("").path("pendingRows").asLong()).isZero();
			assertThat(this.queries.isPending("CONTACT", "con-" + id)).isFalse();
			assertThat(this.jdbc.queryForList("SELECT state FROM paid_sync_outbox WHERE lane_key = ?", Integer.class,
					"cust:" + id))
				.containsExactly(4, 4);
			HttpResult again = this.http.post("/skip-lane", "{\"lane\":\"cust:" + id + "\"}");
			assertThat(again.json().path("skipped").asBoolean()).isFalse();
			assertThat(this.http.post("/skip-lane", "{}").status()).isEqualTo(400);
			update(id, "Skip Lane Ltd 2");
			await().atMost(WAIT)
				.until(() -> this.paid.customerByExternalId(id)
					.map((c) -> "Skip Lane Ltd 2".equals(c.get("name")))
					.orElse(false));
			assertThat(this.paid.contactByExternalId("con-" + id)).isEmpty();
		}

		@Test
		void pauseHoldsDeliveriesUntilResume() {
			String id = id("pause");
			assertThat(this.http.post("/pause", "{}").status()).isEqualTo(200);
			try {
				assertThat(get("").path("dispatch").path("paused").asBoolean()).isTrue();
				save(new Account(id, "Paused Ltd"));
				await().during(Duration.ofMillis(700))
					.atMost(Duration.ofSeconds(2))
					.until(() -> this.paid.customerByExternalId(id).isEmpty());
			}
			finally {
				assertThat(this.http.post("/resume", "{}").status()).isEqualTo(200);
			}
			await().atMost(WAIT).until(() -> this.paid.customerByExternalId(id).isPresent());
			assertThat(get("").path("dispatch").path("paused").asBoolean()).isFalse();
		}

		@Test
		void resyncQueuesAnEntityCaptureNeverSaw() {
			String id = id("resync");
			this.jdbc.update("INSERT INTO account (id, company_name) VALUES (?, ?)", id, "Written With JDBC");
			HttpResult resync = this.http.post("/resync", "{\"type\":\"customer\",\"id\":\"" + id + "\"}");
			assertThat(resync.status()).isEqualTo(200);
			assertThat(resync.json().path("queued").asInt()).isEqualTo(1);
			await().atMost(WAIT).until(() -> this.paid.customerByExternalId(id).isPresent());
			HttpResult missing = this.http.post("/resync", "{\"type\":\"customer\",\"id\":\"nobody-" + id + "\"}");
			assertThat(missing.json().path("queued").asInt()).isZero();
		}

		@Test
		void resyncOfACustomerQueuesItsContactsToo() {
			String id = id("resync-customer");
			this.jdbc.update("INSERT INTO account (id, company_name) VALUES (?, ?)", id, "Customer With JDBC");
			this.jdbc.update("INSERT INTO contact (id, ref, first_name, last_name, email, account_id) "
					+ "VALUES (?, ?, 'Jane', 'Roe', 'jane@example.test', ?)", -Math.abs(id.hashCode() % 100000) - 1,
					"con-" + id, id);
			HttpResult resync = this.http.post("/resync", "{\"customer\":\"" + id + "\"}");
			assertThat(resync.status()).isEqualTo(200);
			assertThat(resync.json().path("queued").asInt()).isEqualTo(2);
			await().atMost(WAIT).until(() -> this.paid.contactByExternalId("con-" + id).isPresent());
			assertThat(this.paid.customerByExternalId(id)).isPresent();
		}

		@Test
		void backfillQueuesExistingEntitiesAndReportsProgress() {
			String prefix = id("bf");
			for (int i = 0; i < 20; i++) {
				this.jdbc.update("INSERT INTO account (id, company_name) VALUES (?, ?)", prefix + "-" + i, "Old " + i);
			}
			HttpResult start = this.http.post("/backfill", "{\"entity\":\"Account\"}");
			assertThat(start.status()).isEqualTo(200);
			assertThat(start.json().path("started").asBoolean()).isTrue();
			await().atMost(WAIT).until(() -> {
				JsonNode account = backfillOf("Account");
				return !get("").path("backfill").path("running").asBoolean() && "DONE".equals(account.path("state").asString());
			});
			JsonNode account = backfillOf("Account");
			assertThat(account.path("done").asLong()).isEqualTo(account.path("total").asLong()).isGreaterThanOrEqualTo(20);
			assertThat(account.path("paidType").asString()).isEqualTo("CUSTOMER");
			await().atMost(WAIT).until(() -> this.paid.customerByExternalId(prefix + "-19").isPresent()
					&& this.paid.customerByExternalId(prefix + "-0").isPresent());
		}

		@Test
		void badRequestsAreRejected() {
			assertThat(this.http.post("/explode", "{}").status()).isEqualTo(400);
			assertThat(this.http.post("/retry", "{}").status()).isEqualTo(400);
			assertThat(this.http.post("/resync", "{\"type\":\"planet\",\"id\":\"x\"}").status()).isEqualTo(400);
			assertThat(this.http.post("/backfill", "{\"entity\":\"Nope\"}").status()).isEqualTo(400);
			assertThat(this.http.post("/retry", "{\"lane\":\"cust:not-parked\"}").json().path("retried").asBoolean())
				.isFalse();
		}

		private JsonNode backfillOf(String entity) {
			for (JsonNode node : get("").path("backfill").path("entities")) {
				if (entity.equals(node.path("entity").asString())) {
					return node;
				}
			}
			throw new AssertionError("No backfill progress for " + entity);
		}

	}

	@Nested
	@SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "management.endpoints.web.exposure.include=health")
	@AutoConfigureMockPaid
	class NotExposed extends Base {

		@Test
		void endpointIsNotFound() {
			assertThat(this.http.get("").status()).isEqualTo(404);
			assertThat(this.http.post("/pause", "{}").status()).isEqualTo(404);
			assertThat(this.http.get("", "/actuator/health").status()).isEqualTo(200);
		}

	}

	@Nested
	@SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "management.endpoints.web.exposure.include=paidsync")
	@AutoConfigureMockPaid
	class ReadOnlyByDefault extends Base {

		@Autowired
		OutboxAdmin admin;

		@Test
		void readsWorkButWritesAreDenied() {
			assertThat(this.http.get("").status()).isEqualTo(200);
			HttpResult pause = this.http.post("/pause", "{}");
			assertThat(pause.status()).isBetween(400, 499);
			assertThat(this.admin.dispatchStatus().paused()).isFalse();
		}

	}

	@TestPropertySource(properties = {
			"spring.datasource.url=jdbc:h2:mem:paidsync-endpoint-${random.uuid};DB_CLOSE_DELAY=-1",
			"spring.jpa.hibernate.ddl-auto=create-drop", "paid.outbox.poll-interval=100ms",
			"paid.outbox.initial-backoff=50ms", "paid.outbox.max-backoff=200ms",
			"paid.sync.product-id-cache-ttl=0s", "paid.sync.backfill.chunk-size=7",
			"paid.outbox.credentials-probe-interval=300ms", "spring.main.banner-mode=off" })
	abstract static class Base {

		@Autowired
		MockPaidServer paid;

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		EntityManagerFactory entityManagerFactory;

		@Autowired
		PlatformTransactionManager transactionManager;

		@Autowired
		RecordedEvents recorded;

		@Autowired
		OutboxQueries queries;

		@LocalServerPort
		int port;

		ActuatorHttp http;

		@BeforeEach
		void http() {
			this.http = new ActuatorHttp(this.port);
		}

		JsonNode get(String query) {
			HttpResult result = this.http.get(query);
			assertThat(result.status()).isEqualTo(200);
			return result.json();
		}

		String id(String prefix) {
			return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		}

		void save(Object entity) {
			new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> em().persist(entity));
		}

		void update(String accountId, String name) {
			new TransactionTemplate(this.transactionManager)
				.executeWithoutResult((status) -> em().find(Account.class, accountId).setCompanyName(name));
		}

		EntityManager em() {
			return EntityManagerFactoryUtils.getTransactionalEntityManager(this.entityManagerFactory);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = Account.class)
	static class App {

		@Bean
		RecordedEvents recordedEvents() {
			return new RecordedEvents();
		}

	}

	/** What an application listening for the sync's events receives. */
	static class RecordedEvents {

		final List<Object> events = new CopyOnWriteArrayList<>();

		@EventListener
		void parked(PaidLaneParkedEvent event) {
			this.events.add(event);
		}

		@EventListener
		void recovered(PaidLaneRecoveredEvent event) {
			this.events.add(event);
		}

		@EventListener
		void credentialsRejected(PaidCredentialsRejectedEvent event) {
			this.events.add(event);
		}

	}

}
