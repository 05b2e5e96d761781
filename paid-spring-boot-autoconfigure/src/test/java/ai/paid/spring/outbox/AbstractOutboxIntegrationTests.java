package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import ai.paid.spring.actuate.PaidSyncHealthIndicator;
import ai.paid.spring.autoconfigure.PaidOutboxAutoConfiguration;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.test.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's behaviour on a real database; one subclass per database.
 */
abstract class AbstractOutboxIntegrationTests {

	final Deliveries deliveries = new Deliveries();

	final List<Object> events = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	protected abstract TestDatabase database();

	private static final java.util.Map<Class<?>, IsolatedDatabase> isolated = new java.util.concurrent.ConcurrentHashMap<>();

	IsolatedDatabase isolated() {
		return isolated.computeIfAbsent(getClass(), (type) -> new IsolatedDatabase(database()));
	}

	@AfterAll
	static void dropIsolatedDatabases() {
		isolated.values().forEach(IsolatedDatabase::drop);
		isolated.clear();
	}

	ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					PaidOutboxAutoConfiguration.class))
			.withPropertyValues(isolated().propertyValues())
			.withPropertyValues("spring.datasource.hikari.maximum-pool-size=8", "paid.outbox.initialize-schema=never",
					"paid.outbox.poll-interval=200ms", "paid.outbox.initial-backoff=20ms",
					"paid.outbox.max-backoff=100ms", "paid.outbox.lease-duration=3s",
					"paid.outbox.shutdown-timeout=200ms", "paid.outbox.circuit-breaker.open-duration=200ms",
					"paid.outbox.circuit-breaker.minimum-calls=5", "paid.outbox.credentials-probe-interval=200ms")
			.withBean("customerHandler", OutboxDeliveryHandler.class, () -> this.deliveries.handler("CUSTOMER"))
			.withBean("contactHandler", OutboxDeliveryHandler.class, () -> this.deliveries.handler("CONTACT"))
			.withBean("orderHandler", OutboxDeliveryHandler.class, () -> this.deliveries.handler("ORDER"))
			.withBean(SimpleMeterRegistry.class)
			.withBean("eventRecorder", ApplicationListener.class, () -> (ApplicationListener<ApplicationEvent>) (
					event) -> {
				if (event instanceof PayloadApplicationEvent<?> payload) {
					this.events.add(payload.getPayload());
				}
			});
	}

	@BeforeEach
	void cleanTables() {
		JdbcTemplate jdbc = new JdbcTemplate(isolated().dataSource());
		String platform = OutboxDialect.of(isolated().dataSource()).name();
		new ResourceDatabasePopulator(new ClassPathResource("ai/paid/spring/outbox/schema-" + platform + ".sql"))
			.execute(isolated().dataSource());
		jdbc.execute("TRUNCATE TABLE paid_sync_outbox");
		jdbc.execute("TRUNCATE TABLE paid_sync_lane");
	}

	@Test
	void rollbackSendsNothing() {
		runner().run((context) -> {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			tx.executeWithoutResult((status) -> {
				outbox.enqueue(upsert("cust:a", "CUSTOMER", "rolled-back", "{}"));
				status.setRollbackOnly();
			});
			tx.executeWithoutResult((status) -> outbox.enqueue(upsert("cust:a", "CUSTOMER", "committed", "{}")));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.delivered().size() == 1);
			assertThat(this.deliveries.calls()).extracting(OutboxRecord::entityId).containsExactly("committed");
			// the handler reports before the dispatcher deletes the delivered row
			await().atMost(Duration.ofSeconds(2)).until(() -> rows() == 0);
		});
	}

	@Test
	void commitIsDeliveredWithinASecondWithoutWaitingForThePoll() {
		runner().withPropertyValues("paid.outbox.poll-interval=1h").run((context) -> {
			awaitIdle(context);
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			tx.executeWithoutResult((status) -> context.getBean(PaidOutbox.class)
				.enqueue(upsert("cust:b", "CUSTOMER", "b", "{\"name\":\"B\"}")));
			long committed = System.nanoTime();
			await().atMost(Duration.ofSeconds(1)).until(() -> this.deliveries.delivered().size() == 1);
			assertThat(Duration.ofNanos(System.nanoTime() - committed)).isLessThan(Duration.ofSeconds(1));
			assertThat(this.deliveries.delivered().get(0).payload()).isEqualTo("{\"name\":\"B\"}");
			await().atMost(Duration.ofSeconds(2)).until(() -> rows() == 0);
		});
	}

	@Test
	void thousandChangesAcrossFiftyCustomersArriveInCommitOrderPerCustomer() throws Exception {
		runner().run((context) -> {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			ExecutorService writers = Executors.newFixedThreadPool(4);
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				int writer = w;
				done.add(writers.submit(() -> {
					for (int seq = 0; seq < 20; seq++) {
						for (int customer = writer; customer < 50; customer += 4) {
							String type = (seq == 0) ? "CUSTOMER" : (seq % 2 == 0) ? "CONTACT" : "ORDER";
							String lane = "cust:" + customer;
							String payload = Integer.toString(seq);
							tx.executeWithoutResult((status) -> outbox
								.enqueue(upsert(lane, type, lane + "-" + payload, payload)));
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
			writers.shutdown();
			await().atMost(Duration.ofSeconds(30)).until(() -> this.deliveries.delivered().size() >= 1000);
			List<String> expected = IntStream.range(0, 20).mapToObj(Integer::toString).toList();
			for (int customer = 0; customer < 50; customer++) {
				assertThat(this.deliveries.payloads("cust:" + customer)).as("lane cust:" + customer)
					.containsExactlyElementsOf(expected);
			}
			assertThat(this.deliveries.delivered()).hasSize(1000);
			await().atMost(Duration.ofSeconds(5)).until(() -> rows() == 0 && pendingLanes() == 0);
		});
	}

	@Test
	void concurrentWritersOnTheSameCustomersNeverHaveALaterChangeDeliveredFirst() throws Exception {
		// some transactions commit slowly after their outbox rows got ids: without the lane row lock taken before
		// the ids, a later id could commit and be delivered first
		this.deliveries.behave((record) -> Mono.delay(Duration.ofMillis(1)).then());
		runner().withPropertyValues("paid.outbox.poll-interval=20ms").run((context) -> {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			ExecutorService writers = Executors.newFixedThreadPool(4);
			List<Future<?>> done = new ArrayList<>();
			AtomicInteger sequence = new AtomicInteger();
			for (int w = 0; w < 4; w++) {
				done.add(writers.submit(() -> {
					for (int i = 0; i < 50; i++) {
						int n = sequence.getAndIncrement();
						String lane = "cust:shared-" + (n % 3);
						tx.executeWithoutResult((status) -> {
							outbox.enqueue(upsert(lane, "ORDER", "o-" + n, Integer.toString(n)));
							if (n % 7 == 0) {
								// runs after the outbox wrote its rows (same order, registered later): the row's id
								// is taken, the commit is late
								TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

									@Override
									public void beforeCommit(boolean readOnly) {
										sleep(5);
									}

								});
							}
						});
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
			writers.shutdown();
			await().atMost(Duration.ofSeconds(20)).until(() -> this.deliveries.delivered().size() >= 200);
			for (int lane = 0; lane < 3; lane++) {
				assertThat(this.deliveries.lane("cust:shared-" + lane)).extracting(OutboxRecord::id)
					.as("ids delivered on lane %d", lane)
					.isSorted()
					.doesNotHaveDuplicates();
			}
			assertThat(this.deliveries.delivered()).hasSize(200);
		});
	}

	@Test
	void paidOutageThenRecoveryDeliversEverythingInOrderWithoutExhaustingAttempts() {
		AtomicBoolean down = new AtomicBoolean(true);
		this.deliveries.behave((record) -> down.get()
				? Mono.error(new PaidApiException("Service Unavailable", 503, "down", null, null, true, null, null))
				: Mono.empty());
		runner().withPropertyValues("paid.outbox.max-attempts=4").run((context) -> {
			writeLanes(context, 10, 5);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> !"CLOSED".equals(context.getBean(OutboxAdmin.class).dispatchStatus().circuit()));
			long probes = this.deliveries.calls().size();
			await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
			// while open, roughly one probe per open-duration instead of every lane retrying
			assertThat(this.deliveries.calls().size() - probes).isLessThan(30);
			down.set(false);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.deliveries.delivered().size() == 50);
			assertLanesInOrder(10, 5);
			assertThat(context.getBean(OutboxAdmin.class).backlog().parkedLanes()).isZero();
			assertThat(this.events).noneMatch(PaidLaneParkedEvent.class::isInstance);
		});
	}

	@Test
	void badRequestParksOnlyThatLaneAndSkipHeadContinuesIt() {
		this.deliveries.behave((record) -> "bad".equals(record.entityId())
				? Mono.error(new PaidApiException("Bad Request", 400, "name is required", "invalid", null, false, null,
						null))
				: Mono.empty());
		runner().run((context) -> {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			tx.executeWithoutResult((status) -> {
				outbox.enqueue(upsert("cust:bad", "CUSTOMER", "bad", "{}"));
				outbox.enqueue(upsert("cust:bad", "CONTACT", "after-bad", "{}"));
				outbox.enqueue(upsert("cust:good", "CUSTOMER", "good", "{}"));
				outbox.enqueue(upsert("cust:good", "CONTACT", "after-good", "{}"));
			});
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> admin.parkedLanes(0, 10).size() == 1);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.lane("cust:good").size() == 2);
			ParkedLane parked = admin.parkedLanes(0, 10).get(0);
			assertThat(parked.lane()).isEqualTo("cust:bad");
			assertThat(parked.entityId()).isEqualTo("bad");
			assertThat(parked.httpStatus()).isEqualTo(400);
			assertThat(parked.lastError()).contains("name is required");
			assertThat(parked.pendingRows()).isEqualTo(2);
			assertThat(this.deliveries.lane("cust:bad")).isEmpty();
			assertThat(this.events).anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(
					PaidLaneParkedEvent.class, (parkedEvent) -> assertThat(parkedEvent.httpStatus()).isEqualTo(400)));
			assertThat(admin.skipHead("cust:bad")).isEqualTo(parked.headId());
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.lane("cust:bad").size() == 1);
			assertThat(this.deliveries.lane("cust:bad").get(0).entityId()).isEqualTo("after-bad");
			assertThat(new JdbcTemplate(isolated().dataSource())
				.queryForObject("SELECT state FROM paid_sync_outbox WHERE id = ?", Integer.class, parked.headId()))
				.isEqualTo(OutboxRowState.SKIPPED);
			assertThat(admin.parkedLanes(0, 10)).isEmpty();
		});
	}

	@Test
	void retryLaneDeliversAParkedHeadOnceFixed() {
		AtomicBoolean reject = new AtomicBoolean(true);
		this.deliveries.behave((record) -> reject.get()
				? Mono.error(new PaidApiException("Unprocessable", 422, "bad address", null, null, false, null, null))
				: Mono.empty());
		runner().run((context) -> {
			context.getBean(TransactionTemplate.class)
				.executeWithoutResult((status) -> context.getBean(PaidOutbox.class)
					.enqueue(upsert("cust:r", "CUSTOMER", "r", "{}")));
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> admin.backlog().parkedLanes() == 1);
			reject.set(false);
			assertThat(admin.retryLane("cust:r")).isTrue();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.delivered().size() == 1);
			assertThat(this.deliveries.delivered().get(0).attempts()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(2))
				.until(() -> this.events.stream().anyMatch(PaidLaneRecoveredEvent.class::isInstance));
		});
	}

	@Test
	void rateLimitWaitsForRetryAfterWithoutConsumingAnAttempt() {
		AtomicInteger calls = new AtomicInteger();
		AtomicLong firstCall = new AtomicLong();
		AtomicLong secondCall = new AtomicLong();
		this.deliveries.behave((record) -> {
			if (calls.incrementAndGet() == 1) {
				firstCall.set(System.nanoTime());
				return Mono.error(new PaidApiException("Too Many Requests", 429, "slow down", null, null, true,
						Duration.ofMillis(700), null));
			}
			secondCall.compareAndSet(0, System.nanoTime());
			return Mono.empty();
		});
		runner().run((context) -> {
			context.getBean(TransactionTemplate.class)
				.executeWithoutResult((status) -> context.getBean(PaidOutbox.class)
					.enqueue(upsert("cust:429", "CUSTOMER", "rl", "{}")));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.delivered().size() == 1);
			assertThat(Duration.ofNanos(secondCall.get() - firstCall.get())).isGreaterThanOrEqualTo(Duration.ofMillis(690));
			assertThat(this.deliveries.delivered().get(0).attempts()).isZero();
		});
	}

	@Test
	void rejectedCredentialsPauseDispatchingAndTurnHealthDown() {
		AtomicBoolean rejected = new AtomicBoolean(true);
		this.deliveries.behave((record) -> rejected.get()
				? Mono.error(new PaidApiException("Unauthorized", 401, "invalid api key", null, null, false, null, null))
				: Mono.empty());
		runner().withPropertyValues("paid.outbox.max-attempts=2").run((context) -> {
			writeLanes(context, 3, 2);
			PaidSyncHealthIndicator health = context.getBean("paidSyncHealthIndicator", PaidSyncHealthIndicator.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> Status.DOWN.equals(health.health(true).getStatus()));
			assertThat(this.events).filteredOn(PaidCredentialsRejectedEvent.class::isInstance).hasSize(1);
			// several probes later, nothing was parked: no attempts were consumed
			await().pollDelay(Duration.ofMillis(800)).until(() -> true);
			assertThat(new JdbcTemplate(isolated().dataSource())
				.queryForObject("SELECT MAX(failures) FROM paid_sync_outbox", Integer.class)).isZero();
			rejected.set(false);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.delivered().size() == 6);
			assertLanesInOrder(3, 2);
			assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
			assertThat(context.getBean(OutboxAdmin.class).backlog().parkedLanes()).isZero();
		});
	}

	@Test
	void updatesOfAPendingEntityAreCoalescedIntoOneDeliveryOfTheLatestState() {
		runner().run((context) -> {
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			admin.pause();
			awaitIdle(context);
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			for (int version = 1; version <= 3; version++) {
				String payload = "{\"v\":" + version + "}";
				tx.executeWithoutResult((status) -> outbox.enqueue(upsert("cust:c", "CUSTOMER", "c", payload)));
			}
			assertThat(rows()).isEqualTo(1);
			admin.resume();
			await().atMost(Duration.ofSeconds(5)).until(() -> rows() == 0);
			assertThat(this.deliveries.delivered()).extracting(OutboxRecord::payload).containsExactly("{\"v\":3}");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("paid.outbox.coalesced").tag("type", "CUSTOMER").counter().count()).isEqualTo(2);
			assertThat(meters.get("paid.outbox.enqueued").tag("type", "CUSTOMER").counter().count()).isEqualTo(3);
			assertThat(meters.get("paid.outbox.delivered").counter().count()).isEqualTo(1);
			assertThat(meters.get("paid.outbox.lag").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void deleteDropsThePendingUpsertAndQueuesBehindEverythingBefore() {
		runner().run((context) -> {
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			admin.pause();
			awaitIdle(context);
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			tx.executeWithoutResult((status) -> outbox.enqueue(upsert("cust:d", "CONTACT", "k1", "{\"v\":1}")));
			tx.executeWithoutResult((status) -> outbox.enqueue(upsert("cust:d", "ORDER", "o1", "{}")));
			tx.executeWithoutResult((status) -> outbox
				.enqueue(new OutboxMessage("cust:d", "CONTACT", "k1", OutboxOperation.DELETE, null)));
			admin.resume();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.delivered().size() == 2);
			assertThat(this.deliveries.lane("cust:d")).extracting((r) -> r.entityId() + " " + r.operation())
				.containsExactly("o1 UPSERT", "k1 DELETE");
		});
	}

	@Test
	void upsertAfterAPendingDeleteTurnsItBackIntoAnUpsertAtTheDeletesPlace() {
		runner().run((context) -> {
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			admin.pause();
			awaitIdle(context);
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			tx.executeWithoutResult((status) -> outbox.enqueue(upsert("cust:e", "CUSTOMER", "e", "{\"v\":1}")));
			tx.executeWithoutResult((status) -> outbox.enqueue(upsert("cust:e", "ORDER", "o", "{}")));
			tx.executeWithoutResult((status) -> outbox
				.enqueue(new OutboxMessage("cust:e", "CUSTOMER", "e", OutboxOperation.DELETE, null)));
			tx.executeWithoutResult((status) -> outbox.enqueue(upsert("cust:e", "CUSTOMER", "e", "{\"v\":2}")));
			admin.resume();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.delivered().size() == 2);
			assertThat(this.deliveries.lane("cust:e")).extracting((r) -> r.entityId() + " " + r.operation() + " "
					+ r.payload()).containsExactly("o UPSERT {}", "e UPSERT {\"v\":2}");
		});
	}

	@Test
	void threeDispatchersOnOneDatabaseDeliverEveryChangeOnceInOrder() {
		this.deliveries.behave((record) -> Mono.delay(Duration.ofMillis(1)).then());
		ApplicationContextRunner runner = runner().withPropertyValues("paid.outbox.max-concurrent-lanes=8",
				"paid.outbox.batch-size=3", "paid.outbox.poll-interval=50ms");
		runner.run((first) -> runner.run((second) -> runner.run((third) -> {
			List<AssertableApplicationContext> contexts = List.of(first, second, third);
			ExecutorService writers = Executors.newFixedThreadPool(3);
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < 3; w++) {
				AssertableApplicationContext context = contexts.get(w);
				int writer = w;
				done.add(writers.submit(() -> {
					TransactionTemplate tx = context.getBean(TransactionTemplate.class);
					PaidOutbox outbox = context.getBean(PaidOutbox.class);
					for (int seq = 0; seq < 10; seq++) {
						for (int customer = writer; customer < 30; customer += 3) {
							String lane = "cust:" + customer;
							String payload = Integer.toString(seq);
							tx.executeWithoutResult((status) -> outbox
								.enqueue(upsert(lane, "ORDER", lane + "-" + payload, payload)));
						}
					}
				}));
			}
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
			writers.shutdown();
			await().atMost(Duration.ofSeconds(30)).until(() -> this.deliveries.delivered().size() >= 300);
			assertLanesInOrder(30, 10);
			assertThat(this.deliveries.delivered()).hasSize(300);
			assertThat(this.deliveries.delivered()).extracting(OutboxRecord::id).doesNotHaveDuplicates();
		})));
	}

	@Test
	void laneOfADispatcherKilledMidSendIsPickedUpAfterItsLease() {
		AtomicBoolean hang = new AtomicBoolean(true);
		this.deliveries.behave((record) -> hang.get() ? Mono.never() : Mono.empty());
		ApplicationContextRunner runner = runner().withPropertyValues("paid.outbox.lease-duration=1s");
		runner.run((doomed) -> {
			doomed.getBean(TransactionTemplate.class)
				.executeWithoutResult((status) -> doomed.getBean(PaidOutbox.class)
					.enqueue(upsert("cust:k", "CUSTOMER", "k", "{}")));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.calls().size() == 1);
		});
		// the first context is closed: its dispatcher stopped with the send still in flight
		hang.set(false);
		long closed = System.nanoTime();
		runner.run((survivor) -> {
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.delivered().size() == 1);
			assertThat(this.deliveries.delivered().get(0).attempts()).isEqualTo(1);
			// well before the default 30 s lease: it was the 1 s lease that expired
			assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(2)).until(() -> rows() == 0);
		});
	}

	@Test
	void aSendLongerThanTheLeaseKeepsItsLaneThroughHeartbeats() {
		this.deliveries.behave((record) -> Mono.delay(Duration.ofMillis(4000)).then());
		ApplicationContextRunner runner = runner().withPropertyValues("paid.outbox.lease-duration=1500ms",
				"paid.outbox.poll-interval=100ms");
		runner.run((first) -> runner.run((second) -> {
			first.getBean(TransactionTemplate.class)
				.executeWithoutResult((status) -> first.getBean(PaidOutbox.class)
					.enqueue(upsert("cust:slow", "CUSTOMER", "slow", "{}")));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.deliveries.delivered().size() == 1);
			await().atMost(Duration.ofSeconds(2)).until(() -> rows() == 0);
			// the other dispatcher polled every 100 ms for 4 s and never got the lane
			assertThat(this.deliveries.calls()).hasSize(1);
		}));
	}

	@Test
	void aHandlerTakingGroupsGetsALanesConsecutiveRowsAndAFailureInAGroupKeepsTheOrder() {
		List<List<String>> groups = new CopyOnWriteArrayList<>();
		List<String> delivered = new CopyOnWriteArrayList<>();
		AtomicBoolean failed = new AtomicBoolean();
		OutboxDeliveryHandler grouped = new OutboxDeliveryHandler() {

			@Override
			public String entityType() {
				return "GROUPED";
			}

			@Override
			public int maxBatch() {
				return 4;
			}

			@Override
			public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
				return Mono.error(new AssertionError("rows of this type go in groups"));
			}

			@Override
			public reactor.core.publisher.Flux<DeliveryOutcome> deliverAll(List<OutboxRecord> records) {
				groups.add(records.stream().map(OutboxRecord::entityId).toList());
				return reactor.core.publisher.Flux.fromIterable(records).concatMap((record) -> {
					if (record.entityId().equals("g2") && failed.compareAndSet(false, true)) {
						return Mono.error(new PaidApiException("Service Unavailable", 503, "down", null, null, true, null,
								null));
					}
					delivered.add(record.entityId());
					return Mono.just(DeliveryOutcome.delivered());
				});
			}

		};
		runner().withBean("groupedHandler", OutboxDeliveryHandler.class, () -> grouped).run((context) -> {
			context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> IntStream.range(0, 6)
				.forEach((i) -> context.getBean(PaidOutbox.class).enqueue(upsert("cust:g", "GROUPED", "g" + i, "{}"))));
			await().atMost(Duration.ofSeconds(10)).until(() -> rows() == 0);
			assertThat(delivered).containsExactly("g0", "g1", "g2", "g3", "g4", "g5");
			assertThat(groups.get(0)).containsExactly("g0", "g1", "g2", "g3");
			assertThat(groups.get(1)).startsWith("g2");
		});
	}

	@Test
	void waitForOutcomesConsumeNoAttemptAndRetryLaterDoes() {
		java.util.Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();
		this.deliveries.answer((record) -> {
			int call = calls.computeIfAbsent(record.entityId(), (id) -> new AtomicInteger()).incrementAndGet();
			if (record.entityId().startsWith("waits")) {
				return (call <= 5) ? Mono.just(DeliveryOutcome.waitFor(Duration.ofMillis(20), "customer not there yet"))
						: Mono.empty();
			}
			return Mono.just(DeliveryOutcome.retryLater(Duration.ofMillis(20), "try again"));
		});
		runner().withPropertyValues("paid.outbox.max-attempts=3").run((context) -> {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			tx.executeWithoutResult((status) -> {
				outbox.enqueue(upsert("cust:w", "CONTACT", "waits", "{}"));
				outbox.enqueue(upsert("cust:r", "CONTACT", "retries", "{}"));
			});
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.deliveries.delivered().size() == 1);
			// five waits and a delivery with max-attempts=3: the waits consumed none of the budget
			assertThat(calls.get("waits")).hasValue(6);
			assertThat(this.deliveries.delivered()).extracting(OutboxRecord::entityId).containsExactly("waits");
			await().atMost(Duration.ofSeconds(10)).until(() -> admin.parkedLanes(0, 10).size() == 1);
			ParkedLane parked = admin.parkedLanes(0, 10).get(0);
			assertThat(parked.lane()).isEqualTo("cust:r");
			assertThat(parked.reason()).isEqualTo("Gave up after 3 failed attempts: try again");
			assertThat(parked.lastError()).isEqualTo("try again");
			assertThat(calls.get("retries")).hasValue(3);
			assertThat(admin.dispatchStatus().circuit()).isEqualTo("CLOSED");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("paid.outbox.retried").tag("outcome", "waiting").counter().count()).isEqualTo(5);
			assertThat(meters.get("paid.outbox.parked").tag("outcome", "max_attempts").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void aHandlerParkIsStoredWithItsReasonAndReportedOnce() {
		this.deliveries.answer((record) -> "orphan".equals(record.entityId())
				? Mono.just(DeliveryOutcome.park("Paid has no customer 'x'; sync it, then retry the lane"))
				: Mono.empty());
		runner().run((context) -> {
			context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
				context.getBean(PaidOutbox.class).enqueue(upsert("cust:o", "CONTACT", "orphan", "{}"));
				context.getBean(PaidOutbox.class).enqueue(upsert("cust:o", "ORDER", "behind", "{}"));
			});
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> admin.parkedLanes(0, 10).size() == 1);
			ParkedLane parked = admin.parkedLanes(0, 10).get(0);
			assertThat(parked.entityId()).isEqualTo("orphan");
			assertThat(parked.reason()).isEqualTo("Paid has no customer 'x'; sync it, then retry the lane");
			assertThat(parked.httpStatus()).isNull();
			await().atMost(Duration.ofSeconds(2))
				.until(() -> this.events.stream().anyMatch(PaidLaneParkedEvent.class::isInstance));
			assertThat(this.events).filteredOn(PaidLaneParkedEvent.class::isInstance).hasSize(1);
			assertThat(this.deliveries.delivered()).isEmpty();
			assertThat(admin.dispatchStatus().circuit()).isEqualTo("CLOSED");
		});
	}

	@Test
	void aThousandRowsWaitingForTheirCustomerDoNotOpenTheCircuitBreaker() {
		java.util.Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();
		AtomicBoolean customersArrived = new AtomicBoolean();
		this.deliveries.answer((record) -> {
			calls.computeIfAbsent(record.entityId(), (id) -> new AtomicInteger()).incrementAndGet();
			return customersArrived.get() ? Mono.empty()
					: Mono.just(DeliveryOutcome.waitFor(Duration.ofSeconds(1), "waiting for customer"));
		});
		runner().withPropertyValues("paid.outbox.max-attempts=2").run((context) -> {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			for (int batch = 0; batch < 10; batch++) {
				int first = batch * 100;
				tx.executeWithoutResult((status) -> {
					for (int i = first; i < first + 100; i++) {
						outbox.enqueue(upsert("cust:new-" + i, "CONTACT", "contact-" + i, "{}"));
					}
				});
			}
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			List<String> circuit = new CopyOnWriteArrayList<>();
			// every row waited (1,000 answers that, as failures, would have opened the breaker after 5)
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
				circuit.add(admin.dispatchStatus().circuit());
				return calls.size() == 1000;
			});
			customersArrived.set(true);
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
				circuit.add(admin.dispatchStatus().circuit());
				return this.deliveries.delivered().size() == 1000;
			});
			assertThat(circuit).containsOnly("CLOSED");
			assertThat(admin.backlog().parkedLanes()).isZero();
			await().atMost(Duration.ofSeconds(5)).until(() -> rows() == 0);
		});
	}

	@Test
	void backgroundLanesAreClaimedAfterLiveOnesAndALiveChangeRestoresALanesPriority() {
		runner().withPropertyValues("paid.outbox.max-concurrent-lanes=1").run((context) -> {
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			admin.pause();
			awaitIdle(context);
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			for (String lane : List.of("bg:1", "bg:2", "bg:3")) {
				tx.executeWithoutResult((status) -> outbox.enqueue(background(lane, "CUSTOMER", lane, "{}")));
			}
			for (String lane : List.of("live:1", "live:2")) {
				tx.executeWithoutResult((status) -> outbox.enqueue(upsert(lane, "CUSTOMER", lane, "{}")));
			}
			// background work on a live lane keeps its place; live work on a background lane restores it
			tx.executeWithoutResult((status) -> outbox.enqueue(background("live:1", "CONTACT", "live:1-c", "{}")));
			tx.executeWithoutResult((status) -> outbox.enqueue(upsert("bg:3", "CONTACT", "bg:3-c", "{}")));
			admin.resume();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.deliveries.delivered().size() == 7);
			List<String> lanes = this.deliveries.delivered().stream().map(OutboxRecord::lane).distinct().toList();
			assertThat(lanes.subList(0, 3)).containsExactlyInAnyOrder("live:1", "live:2", "bg:3");
			assertThat(lanes.subList(3, 5)).containsExactlyInAnyOrder("bg:1", "bg:2");
			assertThat(this.deliveries.lane("bg:3")).extracting(OutboxRecord::entityId).containsExactly("bg:3", "bg:3-c");
			await().atMost(Duration.ofSeconds(2)).until(() -> rows() == 0 && pendingLanes() == 0);
		});
	}

	@Test
	void aChangeOfAnEntityPendingInAnotherLaneMovesItBehindTheNewLanesRows() {
		runner().run((context) -> {
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			admin.pause();
			awaitIdle(context);
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			tx.executeWithoutResult((status) -> {
				outbox.enqueue(upsert("cust:old", "CUSTOMER", "old", "{}"));
				outbox.enqueue(upsert("cust:old", "CONTACT", "k1", "{\"customer\":\"old\"}"));
				outbox.enqueue(upsert("cust:old", "CONTACT", "k2", "{\"customer\":\"old\"}"));
			});
			// k1 moves in a later transaction, behind the new customer queued earlier
			tx.executeWithoutResult((status) -> outbox.enqueue(upsert("cust:new", "CUSTOMER", "new", "{}")));
			tx.executeWithoutResult(
					(status) -> outbox.enqueue(upsert("cust:new", "CONTACT", "k1", "{\"customer\":\"new\"}")));
			// k2 changes, then moves with a new customer created in the same transaction
			tx.executeWithoutResult((status) -> {
				outbox.enqueue(upsert("cust:old", "CONTACT", "k2", "{\"v\":2}"));
				outbox.enqueue(upsert("cust:other", "CUSTOMER", "other", "{}"));
				outbox.enqueue(upsert("cust:other", "CONTACT", "k2", "{\"customer\":\"other\"}"));
			});
			assertThat(rows()).isEqualTo(5);
			OutboxQueries queries = context.getBean(OutboxQueries.class);
			assertThat(queries.pendingChange("CONTACT", "k1")).hasValueSatisfying((change) -> {
				assertThat(change.lane()).isEqualTo("cust:new");
				assertThat(change.payload()).isEqualTo("{\"customer\":\"new\"}");
			});
			admin.resume();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.delivered().size() == 5);
			assertThat(this.deliveries.lane("cust:old")).extracting(OutboxRecord::entityId).containsExactly("old");
			assertThat(this.deliveries.lane("cust:new")).extracting((r) -> r.entityId() + " " + r.payload())
				.containsExactly("new {}", "k1 {\"customer\":\"new\"}");
			assertThat(this.deliveries.lane("cust:other")).extracting((r) -> r.entityId() + " " + r.payload())
				.containsExactly("other {}", "k2 {\"customer\":\"other\"}");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			// both moves replaced a pending row: one pending row per entity throughout
			assertThat(meters.get("paid.outbox.coalesced").tag("type", "CONTACT").counter().count()).isEqualTo(2);
			await().atMost(Duration.ofSeconds(2)).until(() -> rows() == 0);
		});
	}

	@Test
	void queriesReportAnEntitysPendingChangeUntilItIsDelivered() {
		this.deliveries.behave((record) -> "bad".equals(record.entityId())
				? Mono.error(new PaidApiException("Bad Request", 400, "name is required", "invalid", null, false, null,
						null))
				: Mono.empty());
		runner().run((context) -> {
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			OutboxQueries queries = context.getBean(OutboxQueries.class);
			admin.pause();
			awaitIdle(context);
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			tx.executeWithoutResult((status) -> {
				outbox.enqueue(upsert("cust:q", "CUSTOMER", "bad", "{\"v\":1}"));
				outbox.enqueue(upsert("cust:q", "CONTACT", "c", "{}"));
				outbox.enqueue(new OutboxMessage("cust:p", "ORDER", "o", OutboxOperation.DELETE, null));
			});
			assertThat(queries.isPending("CUSTOMER", "bad")).isTrue();
			assertThat(queries.isPending("CUSTOMER", "c")).isFalse();
			assertThat(queries.pendingChange("CUSTOMER", "nope")).isEmpty();
			assertThat(queries.pendingChange("CUSTOMER", "bad")).hasValueSatisfying((change) -> {
				assertThat(change.lane()).isEqualTo("cust:q");
				assertThat(change.operation()).isEqualTo(OutboxOperation.UPSERT);
				assertThat(change.payload()).isEqualTo("{\"v\":1}");
				assertThat(change.attempts()).isZero();
				assertThat(change.lastError()).isNull();
			});
			assertThat(queries.pendingChanges(0, 10)).extracting(PendingChange::entityId).containsExactly("o", "bad", "c");
			assertThat(queries.pendingChanges(1, 2)).extracting(PendingChange::entityId).containsExactly("c");
			admin.resume();
			await().atMost(Duration.ofSeconds(5)).until(() -> admin.backlog().parkedLanes() == 1);
			await().atMost(Duration.ofSeconds(5)).until(() -> !queries.isPending("ORDER", "o"));
			// parked, still pending, with the error
			assertThat(queries.pendingChange("CUSTOMER", "bad")).hasValueSatisfying((change) -> {
				assertThat(change.attempts()).isEqualTo(1);
				assertThat(change.httpStatus()).isEqualTo(400);
				assertThat(change.lastError()).contains("name is required");
			});
			assertThat(queries.isPending("CONTACT", "c")).isTrue();
		});
	}

	@Test
	void skipLaneSkipsEveryPendingRowOfAParkedLaneForAuditAndLetsNewRowsThrough() {
		this.deliveries.behave((record) -> "bad".equals(record.entityId())
				? Mono.error(new PaidApiException("Not Found", 404, "no customer", "not_found", null, false, null,
						null))
				: Mono.empty());
		runner().run((context) -> {
			TransactionTemplate tx = context.getBean(TransactionTemplate.class);
			PaidOutbox outbox = context.getBean(PaidOutbox.class);
			OutboxAdmin admin = context.getBean(OutboxAdmin.class);
			tx.executeWithoutResult((status) -> {
				outbox.enqueue(upsert("cust:bad", "CUSTOMER", "bad", "{}"));
				outbox.enqueue(upsert("cust:bad", "CONTACT", "dependent-contact", "{}"));
				outbox.enqueue(upsert("cust:bad", "ORDER", "dependent-order", "{}"));
				outbox.enqueue(upsert("cust:good", "CUSTOMER", "good", "{}"));
			});
			await().atMost(Duration.ofSeconds(5)).until(() -> admin.parkedLanes(0, 10).size() == 1);
			assertThat(admin.skipLane("cust:good")).isEqualTo(-1);
			assertThat(admin.skipLane("cust:bad")).isEqualTo(3);
			assertThat(admin.parkedLanes(0, 10)).isEmpty();
			assertThat(admin.backlog().parkedLanes()).isZero();
			JdbcTemplate jdbc = new JdbcTemplate(isolated().dataSource());
			assertThat(jdbc.queryForList("SELECT entity_id FROM paid_sync_outbox WHERE lane_key = 'cust:bad' "
					+ "AND state = " + OutboxRowState.SKIPPED + " ORDER BY id", String.class))
				.containsExactly("bad", "dependent-contact", "dependent-order");
			assertThat(admin.skipLane("cust:bad")).isEqualTo(-1);
			tx.executeWithoutResult((status) -> outbox.enqueue(upsert("cust:bad", "CONTACT", "later", "{}")));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.deliveries.lane("cust:bad").size() == 1);
			assertThat(this.deliveries.lane("cust:bad")).extracting(OutboxRecord::entityId).containsExactly("later");
			assertThat(this.deliveries.lane("cust:good")).extracting(OutboxRecord::entityId).containsExactly("good");
			await().atMost(Duration.ofSeconds(2)).until(() -> rows() == 0);
		});
	}

	void writeLanes(AssertableApplicationContext context, int lanes, int perLane) {
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		PaidOutbox outbox = context.getBean(PaidOutbox.class);
		for (int seq = 0; seq < perLane; seq++) {
			for (int lane = 0; lane < lanes; lane++) {
				String key = "cust:" + lane;
				String payload = Integer.toString(seq);
				tx.executeWithoutResult((status) -> outbox.enqueue(upsert(key, "ORDER", key + "-" + payload, payload)));
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void assertLanesInOrder(int lanes, int perLane) {
		List<String> expected = IntStream.range(0, perLane).mapToObj(Integer::toString).toList();
		for (int lane = 0; lane < lanes; lane++) {
			assertThat(this.deliveries.payloads("cust:" + lane)).as("lane cust:" + lane)
				.containsExactlyElementsOf(expected);
		}
	}

	private void awaitIdle(AssertableApplicationContext context) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> context.getBean(OutboxDispatcher.class).lanesInFlight() == 0);
	}

	OutboxMessage upsert(String lane, String type, String id, String payload) {
		this.ids.incrementAndGet();
		return new OutboxMessage(lane, type, id, OutboxOperation.UPSERT, payload);
	}

	private OutboxMessage background(String lane, String type, String id, String payload) {
		return new OutboxMessage(lane, type, id, OutboxOperation.UPSERT, payload, OutboxMessage.Priority.BACKGROUND);
	}

	long rows() {
		Long count = new JdbcTemplate(isolated().dataSource()).queryForObject(
				"SELECT COUNT(*) FROM paid_sync_outbox WHERE state = " + OutboxRowState.PENDING, Long.class);
		return (count != null) ? count : 0;
	}

	private long pendingLanes() {
		Long count = new JdbcTemplate(isolated().dataSource())
			.queryForObject("SELECT COUNT(*) FROM paid_sync_lane WHERE pending_since IS NOT NULL", Long.class);
		return (count != null) ? count : 0;
	}

}
