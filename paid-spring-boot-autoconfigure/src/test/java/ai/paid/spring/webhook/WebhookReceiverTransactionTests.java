package ai.paid.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockWebhooks;
import ai.paid.spring.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A receipt inside the caller's transaction: the row is written in that transaction and handed to a worker only
 * after it commits; after a rollback nothing is stored, handled or held.
 */
class WebhookReceiverTransactionTests {

	private final MockWebhooks webhooks = new MockPaidServer().webhooks(); // not started: it only signs here

	private final List<String> handled = new CopyOnWriteArrayList<>();

	private DataSource dataSource;

	private PaidWebhookDispatcher dispatcher;

	private PaidWebhookReceiver receiver;

	private TransactionTemplate transactions;

	@BeforeEach
	void start() {
		this.dataSource = TestDatabases.h2().withFreshSchema().dataSource();
		new WebhookSchemaInitializer(this.dataSource, DatabaseInitializationMode.ALWAYS).initializeDatabase();
		PaidWebhookListenerMethods listeners = new PaidWebhookListenerMethods();
		listeners.postProcessAfterInitialization(new Object() {
			@PaidWebhookListener
			void on(PaidWebhookEvent event) {
				WebhookReceiverTransactionTests.this.handled.add(event.payload().path("id").asString());
			}
		}, "handler");
		PaidWebhookInbox inbox = new PaidWebhookInbox(this.dataSource);
		JsonMapper mapper = JsonMapper.builder().build();
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		// one worker, so four places for rows
		this.dispatcher = new PaidWebhookDispatcher(inbox, listeners, (event) -> {
		}, this.transactions, mapper, new WebhookDispatcherSettings(Duration.ofMinutes(1), Duration.ofMinutes(5), 1,
				1, Duration.ofMillis(20), Duration.ofMillis(50), 3, Duration.ofDays(1), Duration.ofSeconds(5)),
				WebhookObserver.NONE, Clock.systemUTC());
		this.receiver = new PaidWebhookReceiver(inbox, new WebhookReceiverSettings(
				List.of(MockWebhooks.DEFAULT_SIGNING_SECRET), Duration.ofMinutes(5), 1_000_000), mapper,
				WebhookObserver.NONE, () -> this.dispatcher, Clock.systemUTC());
		this.dispatcher.start();
	}

	@AfterEach
	void stop() {
		this.dispatcher.stop();
	}

	@Test
	void aReceiptInTheCallersTransactionIsHandledOnlyAfterItCommits() throws InterruptedException {
		this.transactions.executeWithoutResult((status) -> {
			assertThat(receive("in_1")).isEqualTo(200);
			sleep();
			assertThat(this.handled).isEmpty();
		});
		// the poll interval is a minute: only the hand-over after commit can run it this soon
		await().atMost(Duration.ofSeconds(5)).until(() -> this.handled.contains("in_1"));
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void aReceiptInARolledBackTransactionLeavesNothingAndHoldsNoWorker() {
		for (int i = 0; i < 10; i++) {
			String id = "rolled_back_" + i;
			this.transactions.executeWithoutResult((status) -> {
				assertThat(receive(id)).isEqualTo(200);
				status.setRollbackOnly();
			});
		}
		assertThat(rows()).isZero();
		assertThat(this.dispatcher.freePlaces()).isEqualTo(4);
		assertThat(receive("in_after")).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.handled.contains("in_after"));
		assertThat(this.handled).containsExactly("in_after");
	}

	private int receive(String id) {
		String body = this.webhooks.envelope("billing-invoice-paid", Map.of("id", id));
		String signature = this.webhooks.signature(System.currentTimeMillis(), body);
		return this.receiver.receive(signature, body.getBytes(StandardCharsets.UTF_8)).status();
	}

	private int rows() {
		return new JdbcTemplate(this.dataSource).queryForObject("SELECT COUNT(*) FROM paid_webhook_inbox",
				Integer.class);
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
