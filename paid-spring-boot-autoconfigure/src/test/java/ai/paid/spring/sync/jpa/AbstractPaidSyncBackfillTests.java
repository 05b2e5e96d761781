package ai.paid.spring.sync.jpa;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.OutboxDispatcher;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.BackfillProgress;
import ai.paid.spring.sync.fixtures.Account;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RecordedRequest;
import ai.paid.spring.test.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
import static org.awaitility.Awaitility.await;

/**
 * Backfill of entities that existed before the starter, on a real database against the mock Paid server: rows are
 * written with plain JDBC, so capture never sees them, and only the backfill brings them to Paid. One subclass per
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractPaidSyncBackfillTests {

	private static final Log logger = LogFactory.getLog(AbstractPaidSyncBackfillTests.class);

	/** The database to run against; called once per test class. */
	protected abstract TestDatabase database();

	/** Accounts (each with a contact and an order) in the large test. */
	protected abstract int accounts();

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private ConfigurableApplicationContext context;

	private MockPaidServer server;

	private JdbcTemplate jdbc;

	@BeforeAll
	void startApplication() {
		MockPaidServer server = paid.server();
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(database().propertyValues())
			.properties("spring.jpa.hibernate.ddl-auto=create-drop", "paid.outbox.initialize-schema=always",
					"paid.outbox.poll-interval=100ms", "paid.outbox.initial-backoff=50ms",
					"paid.outbox.max-backoff=200ms", "paid.sync.backfill.chunk-size=500", "spring.main.banner-mode=off")
			.run("--paid.base-url=" + server.baseUrl(), "--paid.api-key=" + server.apiKey());
		this.jdbc = this.context.getBean(JdbcTemplate.class);
	}

	@AfterAll
	void stopApplication() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@BeforeEach
	void cleanUp() {
		// a failed test may leave deliveries behind: let them finish before the tables are emptied
		backfill().stop();
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> !backfill().isRunning() && pendingRows() == 0
					&& this.context.getBean(OutboxDispatcher.class).lanesInFlight() == 0);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			logger.warn("Outbox still busy before cleanup", ex);
		}
		this.server = paid.server();
		this.server.reset();
		this.server.recordedRequestLimit(1_000_000);
		for (String table : List.of("subscription", "contact", "account", "paid_sync_outbox", "paid_sync_lane",
				"paid_sync_link", "paid_sync_backfill")) {
			this.jdbc.execute("DELETE FROM " + table);
		}
	}

	@Test
	void backfillDeliversEveryAccountContactAndOrderCustomersFirst() {
		int count = accounts();
		this.server.seedProduct("AI SDR - Pro", "ai-sdr-pro");
		long insertStart = System.nanoTime();
		insertAccounts("acc", count, true);
		logger.info("Inserted " + count + " accounts with a contact and an order each in "
				+ millis(insertStart) + " ms");
		long start = System.nanoTime();
		long queued = backfill().backfill();
		long enqueueMillis = millis(start);
		assertThat(queued).isEqualTo(3L * count);
		long[] maxHeap = { usedHeap() };
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
			maxHeap[0] = Math.max(maxHeap[0], usedHeap());
			return this.server.orders().size() == count && pendingRows() == 0;
		});
		long drainMillis = millis(start);
		logger.info("Backfill of " + (3 * count) + " entities: queued in " + enqueueMillis + " ms, in Paid after "
				+ drainMillis + " ms (" + (3L * count * 1000 / Math.max(1, drainMillis)) + " entities/s), max heap "
				+ "used " + (maxHeap[0] >> 20) + " MB of " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
		assertThat(this.server.customers()).hasSize(count);
		assertThat(this.server.contacts()).hasSize(count);
		assertThat(this.server.orders()).hasSize(count);
		assertCustomersFirst(count);
		assertThat(backfill().progress()).allSatisfy((progress) -> {
			assertThat(progress.state()).isEqualTo(BackfillProgress.DONE);
			assertThat(progress.done()).isEqualTo(progress.total());
		});
		Map<String, Object> customer = this.server.customerByExternalId("acc-7").orElseThrow();
		assertThat(this.server.contactByExternalId("con-7").orElseThrow()).containsEntry("customerId", customer.get("id"));
		// a second run queues everything again and duplicates nothing in Paid
		this.server.clearRequests();
		backfill().backfill();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> pendingRows() == 0);
		assertThat(this.server.customers()).hasSize(count);
		assertThat(this.server.contacts()).hasSize(count);
		assertThat(this.server.orders()).hasSize(count);
		assertThat(this.server.requests("POST", "/customers/")).isEmpty();
		assertThat(this.server.requests("POST", "/orders/")).isEmpty();
	}

	@Test
	void backfillStoppedHalfWayContinuesAfterARestartWithoutSendingAnythingTwice() {
		int accounts = 1_000;
		insertAccounts("half", accounts, false);
		PaidSyncBackfill first = backfill(100);
		first.onChunk((progress) -> {
			if (progress.done() >= 300) {
				first.stop();
			}
		});
		assertThat(first.start(null)).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> !first.isRunning());
		long queuedBeforeStop = first.progressOf("Account").done();
		assertThat(queuedBeforeStop).isEqualTo(300);
		assertThat(first.progressOf("Account").state()).isEqualTo(BackfillProgress.RUNNING);
		await().atMost(Duration.ofSeconds(60)).until(() -> pendingRows() == 0);
		assertThat(this.server.customers()).hasSize((int) queuedBeforeStop);
		// a new instance (as after a restart) continues from the stored position
		PaidSyncBackfill restarted = backfill(100);
		assertThat(restarted.backfill()).isEqualTo(accounts - queuedBeforeStop);
		await().atMost(Duration.ofSeconds(60)).until(() -> pendingRows() == 0 && this.server.customers().size() == accounts);
		assertThat(this.server.requests("PUT", "/customers/external/")).hasSize(accounts);
		assertThat(this.server.requests("POST", "/customers/")).hasSize(accounts);
		assertThat(restarted.progress()).filteredOn((progress) -> progress.entity().equals("Account"))
			.singleElement()
			.satisfies((progress) -> {
			assertThat(progress.state()).isEqualTo(BackfillProgress.DONE);
			assertThat(progress.done()).isEqualTo(accounts);
			assertThat(progress.total()).isEqualTo(accounts);
		});
	}

	@Test
	void liveChangesAreDeliveredAheadOfTheBackfill() {
		int accounts = 3_000;
		insertAccounts("old", accounts, false);
		OutboxAdmin admin = this.context.getBean(OutboxAdmin.class);
		this.server.latency(Duration.ofMillis(20));
		admin.pause();
		try {
			backfill().backfill();
			new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class))
				.executeWithoutResult((status) -> EntityManagerFactoryUtils
					.getTransactionalEntityManager(this.context.getBean(EntityManagerFactory.class))
					.persist(new Account("live-1", "Live Ltd")));
			Timestamp live = this.jdbc.queryForObject(
					"SELECT pending_since FROM paid_sync_lane WHERE lane_key = 'cust:live-1'", Timestamp.class);
			Timestamp earliestBackfill = this.jdbc.queryForObject(
					"SELECT MIN(pending_since) FROM paid_sync_lane WHERE lane_key LIKE 'cust:old-%'", Timestamp.class);
			assertThat(earliestBackfill).isAfter(live);
		}
		finally {
			admin.resume();
		}
		long start = System.nanoTime();
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> this.server.customerByExternalId("live-1").isPresent());
		int backfilledMeanwhile = this.server.customers().size() - 1;
		logger.info("Live customer reached Paid " + millis(start) + " ms after resuming, behind "
				+ backfilledMeanwhile + " of " + accounts + " backfilled customers");
		assertThat(backfilledMeanwhile).isLessThan(accounts / 2);
		this.server.latency(Duration.ZERO);
		await().atMost(Duration.ofSeconds(90)).until(() -> pendingRows() == 0);
		assertThat(this.server.customers()).hasSize(accounts + 1);
	}

	private void assertCustomersFirst(int accounts) {
		Map<String, Integer> firstSeen = new HashMap<>();
		List<RecordedRequest> requests = this.server.requests();
		for (int i = 0; i < requests.size(); i++) {
			RecordedRequest request = requests.get(i);
			String key = null;
			String path = request.relativePath();
			if (path.startsWith("/customers/external/") || path.startsWith("/contacts/external/")) {
				key = path.substring(0, path.indexOf("/external/")) + ":" + path.substring(path.lastIndexOf('/') + 1);
			}
			else if (request.method().equals("POST") && path.equals("/orders/")) {
				key = "/orders:" + request.jsonBody().path("externalId").asString();
			}
			if (key != null) {
				firstSeen.putIfAbsent(key, i);
			}
		}
		for (int i = 0; i < accounts; i++) {
			Integer customer = firstSeen.get("/customers:acc-" + i);
			assertThat(customer).as("customer acc-%d", i).isNotNull();
			assertThat(firstSeen.get("/contacts:con-" + i)).as("contact of acc-%d", i).isGreaterThan(customer);
			assertThat(firstSeen.get("/orders:sub-" + i)).as("order of acc-%d", i).isGreaterThan(customer);
		}
	}

	private void insertAccounts(String prefix, int count, boolean withContactAndOrder) {
		int batch = 1_000;
		for (int from = 0; from < count; from += batch) {
			int to = Math.min(count, from + batch);
			List<Object[]> accounts = new java.util.ArrayList<>();
			List<Object[]> contacts = new java.util.ArrayList<>();
			List<Object[]> orders = new java.util.ArrayList<>();
			for (int i = from; i < to; i++) {
				accounts.add(new Object[] { prefix + "-" + i, "Company " + i, "billing" + i + "@example.test", "US" });
				contacts.add(new Object[] { (long) i + 1, "con-" + i, "First" + i, "Last" + i, "c" + i + "@example.test",
						prefix + "-" + i });
				orders.add(new Object[] { "sub-" + i, prefix + "-" + i, (long) i + 1, "AI SDR - Pro",
						Date.valueOf(LocalDate.of(2025, 6, 1)), "USD", "ai-sdr-pro" });
			}
			this.jdbc.batchUpdate("INSERT INTO account (id, company_name, email, country) VALUES (?, ?, ?, ?)",
					accounts);
			if (withContactAndOrder) {
				this.jdbc.batchUpdate("INSERT INTO contact (id, ref, first_name, last_name, email, account_id) "
						+ "VALUES (?, ?, ?, ?, ?, ?)", contacts);
				this.jdbc.batchUpdate("INSERT INTO subscription (id, account_id, billing_contact_id, plan_name, "
						+ "start_date, currency, product_external_id) VALUES (?, ?, ?, ?, ?, ?, ?)", orders);
			}
		}
	}

	private PaidSyncBackfill backfill() {
		return this.context.getBean(PaidSyncBackfill.class);
	}

	private PaidSyncBackfill backfill(int chunkSize) {
		return new PaidSyncBackfill(this.context.getBean(EntityManagerFactory.class),
				this.context.getBean(EntityMappings.class), this.context.getBean(PaidOutbox.class),
				this.jdbc.getDataSource(),
				this.context.getBean(PlatformTransactionManager.class), chunkSize);
	}

	private long pendingRows() {
		Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM paid_sync_outbox WHERE state = 0", Long.class);
		return (rows != null) ? rows : 0;
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static long millis(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EntityScan(basePackageClasses = Account.class)
	static class App {

	}

}
