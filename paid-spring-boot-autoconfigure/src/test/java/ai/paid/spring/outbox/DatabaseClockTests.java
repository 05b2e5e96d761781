package ai.paid.spring.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher measures ages on the database's clock: an application clock two hours ahead distorts neither the
 * lag timer nor the max-age check.
 */
class DatabaseClockTests {

	private final List<Duration> lags = new CopyOnWriteArrayList<>();

	private final List<String> parked = new CopyOnWriteArrayList<>();

	@Test
	void aSkewedApplicationClockDistortsNeitherTheLagNorTheMaxAge() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:clock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		new ResourceDatabasePopulator(new ClassPathResource("ai/paid/spring/outbox/schema-h2.sql")).execute(dataSource);
		AtomicInteger calls = new AtomicInteger();
		OutboxDeliveryHandler handler = new OutboxDeliveryHandler() {

			@Override
			public String entityType() {
				return "CONTACT";
			}

			@Override
			public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
				// one wait: with the application's clock the row would look two hours old and park (max-age 1 h)
				return (calls.incrementAndGet() == 1)
						? Mono.just(DeliveryOutcome.waitFor(Duration.ofMillis(50), "customer not there yet"))
						: Mono.empty();
			}

		};
		OutboxObserver observer = new OutboxObserver() {

			@Override
			public void delivered(OutboxRecord record, Duration lag) {
				DatabaseClockTests.this.lags.add(lag);
			}

			@Override
			public void parked(OutboxRecord record, String outcome) {
				DatabaseClockTests.this.parked.add(outcome);
			}

		};
		Clock twoHoursAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
		OutboxDispatcherSettings settings = OutboxDispatcherSettings.builder()
			.maxAge(Duration.ofHours(1))
			.pollInterval(Duration.ofMillis(100))
			.build();
		OutboxDispatcher dispatcher = new OutboxDispatcher(dataSource, List.of(handler), settings, observer,
				(event) -> {
				}, twoHoursAhead);
		JdbcPaidOutbox outbox = new JdbcPaidOutbox(dataSource,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), OutboxObserver.NONE,
				dispatcher);
		dispatcher.start();
		try {
			outbox.enqueue(new OutboxMessage("cust:a", "CONTACT", "k", OutboxOperation.UPSERT, "{}"));
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.lags.isEmpty() || !this.parked.isEmpty());
			assertThat(this.parked).isEmpty();
			assertThat(calls).hasValue(2);
			assertThat(this.lags).singleElement()
				.satisfies((lag) -> assertThat(lag).isPositive().isLessThan(Duration.ofSeconds(10)));
		}
		finally {
			dispatcher.stop();
		}
	}

}
