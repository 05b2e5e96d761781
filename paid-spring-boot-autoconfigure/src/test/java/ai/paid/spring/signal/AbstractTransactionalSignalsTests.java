package ai.paid.spring.signal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidOutboxAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidSignalsAutoConfiguration;
import ai.paid.spring.client.Signal;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.outbox.ParkedLane;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RequestMatch;
import ai.paid.spring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Signals emitted inside a transaction go through the outbox: sent if and only if the transaction commits, once.
 * One subclass per database.
 */
abstract class AbstractTransactionalSignalsTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private final String customer = "acme-" + UUID.randomUUID();

	protected abstract TestDatabase database();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					PaidClientAutoConfiguration.class, PaidOutboxAutoConfiguration.class,
					PaidSignalsAutoConfiguration.class))
			.withPropertyValues(database().propertyValues())
			.withPropertyValues("paid.base-url=" + paid().baseUrl(), "paid.api-key=" + paid().apiKey(),
					"paid.outbox.initialize-schema=always", "paid.outbox.poll-interval=200ms",
					"paid.outbox.initial-backoff=20ms", "paid.outbox.max-backoff=100ms",
					"paid.outbox.shutdown-timeout=500ms", "paid.signals.flush-interval=10ms")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(Bookings.class);
	}

	private static MockPaidServer paid() {
		return mock.server();
	}

	@Test
	void aCommittedSignalIsSentOnce() {
		runner().run((context) -> {
			Signal signal = inTransaction(context, () -> emit(context, "meeting_booked"));
			await().untilAsserted(() -> assertThat(ours(paid().signals())).hasSize(1));
			await().until(() -> outboxRows(context, signal) == 0);
			assertThat(ours(paid().signals()).get(0)).containsEntry("idempotencyKey", signal.idempotencyKey());
			assertThat(requestsFor(signal)).hasSize(1);
			assertThat(counter(context, "paid.signals.emitted", "path", "transactional")).isEqualTo(1);
		});
	}

	@Test
	void aRolledBackSignalIsNeverSent() {
		runner().run((context) -> {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			Signal rolledBack = tx.execute((status) -> {
				status.setRollbackOnly();
				return emit(context, "meeting_booked");
			});
			assertThatIllegalStateException().isThrownBy(() -> context.getBean(Bookings.class)
				.bookAndFail(context.getBean(PaidSignals.class), this.customer));
			Signal committed = inTransaction(context, () -> emit(context, "meeting_booked"));
			await().untilAsserted(() -> assertThat(requestsFor(committed)).hasSize(1));
			await().until(() -> outboxRows(context, committed) == 0);
			assertThat(ours(paid().signals())).extracting((signal) -> signal.get("idempotencyKey"))
				.containsExactly(committed.idempotencyKey());
			assertThat(requestsFor(rolledBack)).isEmpty();
			assertThat(paid().requests("POST", "/signals/bulk")).noneMatch(
					(request) -> request.body().contains("failed-" + this.customer));
		});
	}

	@Test
	void theRowIsTheWireSignalOnTheCustomersSignalLaneKeyedByIdempotencyKey() {
		runner().withPropertyValues("paid.outbox.dispatcher-enabled=false").run((context) -> {
			Signal signal = inTransaction(context, () -> context.getBean(PaidSignals.class)
				.emit("email_sent")
				.customer(this.customer)
				.product("ai-sdr")
				.quantity(2)
				.send());
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
			Map<String, Object> row = jdbc.queryForMap(
					"SELECT lane_key, entity_type, entity_id FROM paid_sync_outbox WHERE entity_id = ?",
					signal.idempotencyKey());
			String payload = jdbc.queryForObject("SELECT payload FROM paid_sync_outbox WHERE entity_id = ?",
					String.class, signal.idempotencyKey());
			assertThat(row).containsEntry("LANE_KEY", "sig:cust:" + this.customer)
				.containsEntry("ENTITY_TYPE", "SIGNAL")
				.containsEntry("ENTITY_ID", signal.idempotencyKey());
			assertThat(JsonMapper.shared().readTree(payload)).isEqualTo(JsonMapper.shared()
				.readTree("""
						{"eventName": "email_sent", "customer": {"externalCustomerId": "%s"},
						 "attribution": {"externalProductId": "ai-sdr"}, "timestamp": "%s", "data": {"quantity": 2},
						 "idempotencyKey": "%s"}""".formatted(this.customer, signal.timestamp(),
						signal.idempotencyKey())));
		});
	}

	@Test
	void anAnnotatedTransactionalMethodEmitsInsideItsTransaction() {
		runner().withPropertyValues("paid.outbox.dispatcher-enabled=false").run((context) -> {
			context.getBean(Bookings.class).book(this.customer);
			Integer rows = new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForObject(
					"SELECT COUNT(*) FROM paid_sync_outbox WHERE entity_type = 'SIGNAL' AND lane_key = ?",
					Integer.class, "sig:cust:" + this.customer);
			assertThat(rows).isEqualTo(1);
			assertThat(paid().requests("POST", "/signals/bulk")).isEmpty();
		});
	}

	@Test
	void aSignalFlowsPastItsCustomersParkedEntityRow() {
		runner().withBean(ParkingCustomerHandler.class).run((context) -> {
			Signal signal = inTransaction(context, () -> {
				context.getBean(PaidOutbox.class)
					.enqueue(new OutboxMessage("cust:" + this.customer, "CUSTOMER", this.customer,
							OutboxOperation.UPSERT, "{}"));
				return emit(context, "meeting_booked");
			});
			await().untilAsserted(() -> assertThat(ours(paid().signals())).extracting((sent) -> sent.get("idempotencyKey"))
				.containsExactly(signal.idempotencyKey()));
			await().until(() -> outboxRows(context, signal) == 0);
			assertThat(context.getBean(OutboxAdmin.class).parkedLanes(0, 100)).extracting(ParkedLane::lane)
				.contains("cust:" + this.customer);
		});
	}

	@Test
	void aSignalWaitsForItsCustomerWithoutConsumingAttemptsAndKeepsItsOrder() {
		AtomicBoolean customerInPaid = new AtomicBoolean();
		AtomicInteger asked = new AtomicInteger();
		SignalCustomerReadiness readiness = (externalCustomerId) -> {
			asked.incrementAndGet();
			return Mono.just(customerInPaid.get() ? SignalCustomerReadiness.Readiness.sendNow()
					: SignalCustomerReadiness.Readiness.waitFor(Duration.ofMillis(50),
							"customer '" + externalCustomerId + "' is still queued for Paid"));
		};
		runner().withBean(SignalCustomerReadiness.class, () -> readiness).run((context) -> {
			Signal first = inTransaction(context, () -> emit(context, "meeting_booked"));
			Signal second = inTransaction(context, () -> emit(context, "meeting_booked"));
			await().until(() -> asked.get() >= 5);
			assertThat(requestsFor(first)).isEmpty();
			Map<String, Object> head = new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForMap(
					"SELECT failures, last_error FROM paid_sync_outbox WHERE entity_id = ?", first.idempotencyKey());
			// failures is what paid.outbox.max-attempts counts
			assertThat(((Number) head.get("FAILURES")).intValue()).isZero();
			assertThat((String) head.get("LAST_ERROR")).contains("is still queued for Paid");
			// the outbox database is shared by the tests of the class: look at this customer's lanes only
			assertThat(context.getBean(OutboxAdmin.class).parkedLanes(0, 100)).extracting(ParkedLane::lane)
				.noneMatch((lane) -> lane.endsWith(this.customer));
			customerInPaid.set(true);
			await().untilAsserted(() -> assertThat(ours(paid().signals())).extracting((sent) -> sent.get("idempotencyKey"))
				.containsExactly(first.idempotencyKey(), second.idempotencyKey()));
		});
	}

	@Test
	void aResendAfterALostResponseIsCountedByPaidAsADuplicate() {
		paid().crashAfterProcessing(1, RequestMatch.of("POST", "/signals/bulk"));
		runner().run((context) -> {
			Signal signal = inTransaction(context, () -> emit(context, "meeting_booked"));
			await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows(context, signal) == 0);
			assertThat(requestsFor(signal)).hasSize(2);
			assertThat(ours(paid().signals())).hasSize(1);
			assertThat(counter(context, "paid.signals.sent", "outcome", "duplicate")).isEqualTo(1);
		});
	}

	@Test
	void rowsOfDifferentCustomersShareBulkPosts() {
		paid().latency(Duration.ofMillis(300));
		runner().run((context) -> {
			List<Signal> signals = java.util.stream.IntStream.range(0, 20)
				.mapToObj((i) -> inTransaction(context, () -> context.getBean(PaidSignals.class)
					.emit("email_sent")
					.customer(this.customer + "-" + i)
					.send()))
				.toList();
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(ours(paid().signals())).hasSize(20));
			await().until(() -> signals.stream().allMatch((signal) -> outboxRows(context, signal) == 0));
			assertThat(ours(paid().signals())).extracting((signal) -> signal.get("idempotencyKey"))
				.containsExactlyInAnyOrderElementsOf(signals.stream().map(Signal::idempotencyKey).toList());
			long posts = paid().requests("POST", "/signals/bulk")
				.stream()
				.filter((request) -> request.body().contains(this.customer))
				.count();
			assertThat(posts).isLessThan(20);
		});
	}

	@Test
	void aLanesSignalsGoInOneBulkPostInTheirOrder() {
		runner().run((context) -> {
			List<Signal> signals = inTransaction(context, () -> java.util.stream.IntStream.range(0, 10)
				.mapToObj((i) -> emit(context, "email_sent"))
				.toList());
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ours(paid().signals())).hasSize(10));
			await().until(() -> signals.stream().allMatch((signal) -> outboxRows(context, signal) == 0));
			assertThat(paid().requests("POST", "/signals/bulk")
				.stream()
				.filter((request) -> request.body().contains(this.customer))).hasSize(1);
			assertThat(ours(paid().signals())).extracting((signal) -> signal.get("idempotencyKey"))
				.containsExactlyElementsOf(signals.stream().map(Signal::idempotencyKey).toList());
		});
	}

	@Test
	void theOutboxPathKeepsToItsConfiguredPostsInFlightAndBatchSize() {
		paid().latency(Duration.ofMillis(200));
		runner().withPropertyValues("paid.signals.outbox.max-in-flight=1", "paid.signals.outbox.batch-size=3")
			.run((context) -> {
				List<Signal> signals = inTransaction(context, () -> java.util.stream.IntStream.range(0, 12)
					.mapToObj((i) -> context.getBean(PaidSignals.class)
						.emit("email_sent")
						.customer(this.customer + "-" + i)
						.send())
					.toList());
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(ours(paid().signals())).hasSize(12));
				await().until(() -> signals.stream().allMatch((signal) -> outboxRows(context, signal) == 0));
				List<Integer> perPost = paid().requests("POST", "/signals/bulk")
					.stream()
					.filter((request) -> request.body().contains(this.customer))
					.map((request) -> request.body().split("\"idempotencyKey\"", -1).length - 1)
					.toList();
				assertThat(perPost).allSatisfy((size) -> assertThat(size).isBetween(1, 3));
				assertThat(perPost).contains(3);
				assertThat(perPost.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
			});
	}

	@Test
	void aSignalPaidRejectsIsCountedAndDoesNotBlockTheCustomersLane() {
		paid().failNext(1, 400, RequestMatch.of("POST", "/signals/bulk"));
		runner().run((context) -> {
			Signal rejected = inTransaction(context, () -> emit(context, "meeting_booked"));
			await().until(() -> outboxRows(context, rejected) == 0);
			Signal next = inTransaction(context, () -> emit(context, "meeting_booked"));
			await().untilAsserted(() -> assertThat(ours(paid().signals())).hasSize(1));
			assertThat(ours(paid().signals()).get(0)).containsEntry("idempotencyKey", next.idempotencyKey());
			assertThat(counter(context, "paid.signals.failed", "reason", "rejected")).isEqualTo(1);
		});
	}

	@Test
	void aMalformedRowSharingAPostIsIsolatedAndTheOtherRowsAreDelivered() {
		paid().latency(Duration.ofMillis(200));
		runner().run((context) -> {
			String bad = "bad-" + this.customer;
			List<Signal> good = inTransaction(context, () -> {
				// no event name: Paid rejects any POST that carries this row with 400
				context.getBean(PaidOutbox.class)
					.enqueue(new OutboxMessage("sig:cust:" + this.customer + "-bad", "SIGNAL", bad,
							OutboxOperation.UPSERT, """
									{"customer": {"externalCustomerId": "%s"}, "idempotencyKey": "%s"}"""
								.formatted(this.customer, bad)));
				return java.util.stream.IntStream.range(0, 12)
					.mapToObj((i) -> context.getBean(PaidSignals.class)
						.emit("email_sent")
						.customer(this.customer + "-" + i)
						.send())
					.toList();
			});
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(ours(paid().signals())).hasSize(12));
			await().until(() -> good.stream().allMatch((signal) -> outboxRows(context, signal) == 0));
			await().until(() -> new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForObject(
					"SELECT COUNT(*) FROM paid_sync_outbox WHERE entity_id = ?", Integer.class, bad) == 0);
			assertThat(counter(context, "paid.signals.failed", "reason", "rejected")).isEqualTo(1);
			assertThat(paid().signals()).noneMatch((sent) -> bad.equals(sent.get("idempotencyKey")));
		});
	}

	@Test
	void signalsPaidCountsAsFailedAreCountedAndCompleted() {
		paid().failSignalsForUnknownCustomers(true);
		runner().run((context) -> {
			Signal signal = inTransaction(context, () -> emit(context, "meeting_booked"));
			await().until(() -> outboxRows(context, signal) == 0);
			await().untilAsserted(
					() -> assertThat(counter(context, "paid.signals.failed", "reason", "rejected")).isEqualTo(1));
			assertThat(ours(paid().signals())).isEmpty();
		});
	}

	private Signal emit(ApplicationContext context, String eventName) {
		return context.getBean(PaidSignals.class).emit(eventName).customer(this.customer).send();
	}

	private static <T> T inTransaction(ApplicationContext context, java.util.function.Supplier<T> action) {
		return context.getBean(TransactionTemplate.class).execute((status) -> action.get());
	}

	private List<Map<String, Object>> ours(List<Map<String, Object>> signals) {
		return signals.stream().filter((signal) -> String.valueOf(signal.get("customer")).contains(this.customer))
			.toList();
	}

	private static List<?> requestsFor(Signal signal) {
		return paid().requests("POST", "/signals/bulk")
			.stream()
			.filter((request) -> request.body().contains(signal.idempotencyKey()))
			.toList();
	}

	private static int outboxRows(ApplicationContext context, Signal signal) {
		return new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForObject(
				"SELECT COUNT(*) FROM paid_sync_outbox WHERE entity_id = ?", Integer.class, signal.idempotencyKey());
	}

	private static double counter(ApplicationContext context, String name, String tag, String value) {
		var counter = context.getBean(MeterRegistry.class)
			.find(name)
			.tag("path", "transactional")
			.tag(tag, value)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** The customer sync stand-in: Paid rejects every customer row, so the customer's entity lane parks. */
	static class ParkingCustomerHandler implements OutboxDeliveryHandler {

		@Override
		public String entityType() {
			return "CUSTOMER";
		}

		@Override
		public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
			return Mono.just(DeliveryOutcome.park("Paid rejects this customer"));
		}

	}

	static class Bookings {

		@Transactional
		@PaidSignal(value = "meeting_booked", customer = "#customer")
		public String book(String customer) {
			return customer;
		}

		@Transactional
		public void bookAndFail(PaidSignals signals, String customer) {
			signals.emit("meeting_booked").customer(customer).idempotencyKey("failed-" + customer).send();
			throw new IllegalStateException("calendar unavailable");
		}

	}

}
