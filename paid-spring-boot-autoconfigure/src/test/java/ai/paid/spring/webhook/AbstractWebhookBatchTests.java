package ai.paid.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockWebhooks;
import ai.paid.spring.test.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The handlers of several ready deliveries in one transaction ({@code paid.webhooks.batch-size}), on a real database
 * (one subclass per database): a batch where one handler fails rolls back, then the others complete alone and only
 * the failing one's attempt is counted and retried.
 */
abstract class AbstractWebhookBatchTests {

	private static final String SECRET = MockWebhooks.DEFAULT_SIGNING_SECRET;

	/** The database to run against. */
	protected abstract TestDatabase database();

	@Test
	void aBatchWhereOneHandlerFailsCompletesTheOthersAndRetriesOnlyThatOne() throws Exception {
		DataSource dataSource = database().withFreshSchema().dataSource();
		new WebhookSchemaInitializer(dataSource, DatabaseInitializationMode.ALWAYS).initializeDatabase();
		BlockingHandler handler = new BlockingHandler(dataSource);
		PaidWebhookListenerMethods listeners = new PaidWebhookListenerMethods();
		listeners.postProcessAfterInitialization(handler, "handler");
		PaidWebhookInbox inbox = new PaidWebhookInbox(dataSource);
		JsonMapper mapper = JsonMapper.builder().build();
		// one worker, batches of up to 16; a claim each 50 ms
		WebhookDispatcherSettings settings = new WebhookDispatcherSettings(Duration.ofMillis(50), Duration.ofMinutes(5),
				1, 16, Duration.ofMillis(20), Duration.ofMillis(50), 5, Duration.ofDays(1), Duration.ofSeconds(5));
		PaidWebhookDispatcher dispatcher = new PaidWebhookDispatcher(inbox, listeners, (event) -> {
		}, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), mapper, settings,
				WebhookObserver.NONE, Clock.systemUTC());
		PaidWebhookReceiver receiver = new PaidWebhookReceiver(inbox,
				new WebhookReceiverSettings(List.of(SECRET), Duration.ofMinutes(5), 1_000_000), mapper,
				WebhookObserver.NONE, () -> dispatcher, Clock.systemUTC());
		MockWebhooks webhooks = new MockPaidServer().webhooks(); // not started: it only signs here
		dispatcher.start();
		try {
			// the first delivery holds the only worker, so the next ones are ready together
			receive(receiver, webhooks, "in_block", Map.of());
			assertThat(handler.blocking.await(10, TimeUnit.SECONDS)).isTrue();
			receive(receiver, webhooks, "in_a", Map.of());
			receive(receiver, webhooks, "in_fail", Map.of("fail", true));
			receive(receiver, webhooks, "in_b", Map.of());
			receive(receiver, webhooks, "in_c", Map.of());
			handler.release.countDown();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(jdbc.queryForObject(
						"SELECT COUNT(*) FROM paid_webhook_inbox WHERE state = 1", Integer.class)).isEqualTo(5));
			// in_a and in_fail were handed over while the worker was held, so they ran in one batch, which rolled
			// back; then in_a alone (once), in_fail alone (failed) and on its retry
			List<Integer> neighbour = handler.transactionsOf("in_a");
			List<Integer> failing = handler.transactionsOf("in_fail");
			assertThat(neighbour).hasSize(2);
			assertThat(failing).hasSize(3);
			assertThat(neighbour.get(0)).isEqualTo(failing.get(0));
			assertThat(neighbour.get(1)).isNotEqualTo(failing.get(0)).isNotEqualTo(failing.get(1));
			Map<String, Integer> attempts = new ConcurrentHashMap<>();
			jdbc.query("SELECT dedup_key, attempts FROM paid_webhook_inbox",
					(RowCallbackHandler) (rs) -> attempts.put(rs.getString(1), rs.getInt(2)));
			// only the failing delivery's attempt was counted; it succeeded on its second
			assertThat(attempts).containsEntry("billing-invoice-paid:in_fail", 2)
				.containsEntry("billing-invoice-paid:in_a", 1)
				.containsEntry("billing-invoice-paid:in_b", 1)
				.containsEntry("billing-invoice-paid:in_c", 1);
		}
		finally {
			handler.release.countDown();
			dispatcher.stop();
		}
	}

	private static void receive(PaidWebhookReceiver receiver, MockWebhooks webhooks, String id, Map<String, ?> extra) {
		Map<String, Object> invoice = new HashMap<>(extra);
		invoice.put("id", id);
		String body = webhooks.envelope("billing-invoice-paid", invoice);
		String signature = webhooks.signature(System.currentTimeMillis(), body);
		assertThat(receiver.receive(signature, body.getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(200);
	}

	/** Records which transaction ran each attempt; blocks on the first delivery; fails "fail" on its first try. */
	static final class BlockingHandler {

		final CountDownLatch blocking = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		private final DataSource dataSource;

		private final Map<String, List<Integer>> transactions = new ConcurrentHashMap<>();

		BlockingHandler(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@PaidWebhookListener
		void on(PaidWebhookEvent event) throws InterruptedException {
			String id = event.payload().path("id").asString();
			List<Integer> attempts = this.transactions.computeIfAbsent(id, (key) -> new CopyOnWriteArrayList<>());
			attempts.add(System.identityHashCode(TransactionSynchronizationManager.getResource(this.dataSource)));
			if (id.equals("in_block")) {
				this.blocking.countDown();
				this.release.await(10, TimeUnit.SECONDS);
			}
			if (event.payload().path("fail").asBoolean() && attempts.size() <= 2) {
				throw new IllegalStateException("fails in its batch and on its first attempt alone");
			}
		}

		List<Integer> transactionsOf(String id) {
			return this.transactions.getOrDefault(id, List.of());
		}

	}

}
