package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import ai.paid.spring.test.TestDatabase;
import ai.paid.spring.test.TestDatabases;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox integration suite on PostgreSQL, plus what only PostgreSQL can show.
 */
class PostgreSqlOutboxIntegrationTests extends AbstractOutboxIntegrationTests {

	@Override
	protected TestDatabase database() {
		return TestDatabases.postgresql();
	}

	@Test
	void terminatingTheDispatchersBackendsMidDeliveryParksNothingAndDeliversEverything() {
		AtomicInteger handlerQueries = new AtomicInteger();
		AtomicInteger handlerDatabaseFailures = new AtomicInteger();
		DataSource handlerDatabase = isolated().dataSource();
		// like the sync handlers: talk to "Paid", then write to the database (their link table)
		this.deliveries.behave((record) -> Mono.delay(Duration.ofMillis(5))
			.then(Mono.fromCallable(() -> {
				handlerQueries.incrementAndGet();
				return new JdbcTemplate(handlerDatabase).queryForObject("SELECT 1", Integer.class);
			}).subscribeOn(Schedulers.boundedElastic()))
			.doOnError((ex) -> handlerDatabaseFailures.incrementAndGet())
			.then());
		TestDatabase database = database();
		DriverManagerDataSource killer = new DriverManagerDataSource(database.jdbcUrl());
		if (database.username() != null) {
			killer.setUsername(database.username());
			killer.setPassword(database.password());
		}
		JdbcTemplate terminator = new JdbcTemplate(killer);
		runner().withPropertyValues("paid.outbox.max-attempts=2", "paid.outbox.poll-interval=100ms")
			.run((context) -> {
				AtomicBoolean writing = new AtomicBoolean(true);
				AtomicInteger terminated = new AtomicInteger();
				Thread killing = new Thread(() -> {
					while (writing.get() || terminated.get() < 20) {
						try {
							List<Boolean> killed = terminator.queryForList("SELECT pg_terminate_backend(pid) FROM "
									+ "pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
									Boolean.class);
							terminated.addAndGet(killed.size());
							Thread.sleep(150);
						}
						catch (InterruptedException ex) {
							return;
						}
						catch (RuntimeException ex) {
							// the terminator's own connection may be caught by a concurrent round: go on
						}
					}
				}, "pg-terminator");
				killing.start();
				try {
					writeLanesRetrying(context, 30, 10);
				}
				finally {
					writing.set(false);
				}
				killing.join(60_000);
				assertThat(terminated.get()).isGreaterThanOrEqualTo(20);
				// by entity: a write retried after a commit whose outcome was lost can queue a change again (new id)
				await().atMost(Duration.ofSeconds(90))
					.until(() -> this.deliveries.delivered().stream().map(OutboxRecord::entityId).distinct().count() == 300);
				List<String> expected = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
				for (int lane = 0; lane < 30; lane++) {
					// a row whose outcome could not be recorded is sent again: at least once, never out of order
					assertThat(this.deliveries.payloads("cust:" + lane).stream().distinct().toList())
						.as("lane cust:" + lane)
						.containsExactlyElementsOf(expected);
				}
				OutboxAdmin admin = context.getBean(OutboxAdmin.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> rows() == 0);
				assertThat(admin.backlog().parkedLanes()).isZero();
				assertThat(this.events).noneMatch(PaidLaneParkedEvent.class::isInstance);
			});
	}

	/** Writes like {@link #writeLanes} but retries a commit the terminator broke. */
	private void writeLanesRetrying(AssertableApplicationContext context,
			int lanes, int perLane) {
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		PaidOutbox outbox = context.getBean(PaidOutbox.class);
		for (int seq = 0; seq < perLane; seq++) {
			for (int lane = 0; lane < lanes; lane++) {
				String key = "cust:" + lane;
				String payload = Integer.toString(seq);
				OutboxMessage message = upsert(key, "ORDER", key + "-" + payload, payload);
				for (int attempt = 0;; attempt++) {
					try {
						tx.executeWithoutResult((status) -> outbox.enqueue(message));
						break;
					}
					catch (RuntimeException ex) {
						if (attempt > 20) {
							throw ex;
						}
					}
				}
				sleepQuietly(5);
			}
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
