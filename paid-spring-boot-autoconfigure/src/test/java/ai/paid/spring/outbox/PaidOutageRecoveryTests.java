package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import ai.paid.spring.autoconfigure.PaidOutboxAutoConfiguration;
import ai.paid.spring.client.CreateCustomerRequest;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.PaidRetryPolicy;
import ai.paid.spring.client.UpdateCustomerRequest;
import ai.paid.spring.client.WebClientPaidClient;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A three-minute Paid outage with the default circuit breaker: about five probe requests a minute while Paid is down,
 * and the drain starts within about twelve seconds of its recovery. Takes over three minutes, so it only runs with
 * {@code -Dpaid.test.outage=true}.
 */
@EnabledIfSystemProperty(named = "paid.test.outage", matches = "true")
class PaidOutageRecoveryTests {

	private static final Duration OUTAGE = Duration.ofMinutes(3);

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private final List<Long> requestNanos = new CopyOnWriteArrayList<>();

	private final AtomicLong firstDeliveryAfterRecovery = new AtomicLong();

	@Test
	void aRecoveredPaidIsUsedWithinTwelveSecondsWithoutABurstDuringTheOutage() {
		MockPaidServer server = paid.server();
		PaidClient client = WebClientPaidClient.builder()
			.baseUrl(server.baseUrl())
			.apiKey(server.apiKey())
			.retryPolicy(PaidRetryPolicy.none())
			.build();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					PaidOutboxAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:outage-" + UUID.randomUUID(),
					"paid.outbox.initial-backoff=100ms", "paid.outbox.max-backoff=2s")
			.withBean(OutboxDeliveryHandler.class, () -> handler(client))
			.run((context) -> {
				TransactionTemplate tx = context.getBean(TransactionTemplate.class);
				PaidOutbox outbox = context.getBean(PaidOutbox.class);
				OutboxAdmin admin = context.getBean(OutboxAdmin.class);
				server.failFor(OUTAGE, 503);
				long outageStart = System.nanoTime();
				long recovery = outageStart + OUTAGE.toNanos();
				tx.executeWithoutResult((status) -> {
					for (int i = 0; i < 30; i++) {
						outbox.enqueue(new OutboxMessage("cust:" + i, "CUSTOMER", "c-" + i, OutboxOperation.UPSERT,
								"Customer " + i));
					}
				});
				await().atMost(Duration.ofSeconds(30))
					.until(() -> "OPEN".equals(admin.dispatchStatus().circuit())
							|| "HALF_OPEN".equals(admin.dispatchStatus().circuit()));
				long opened = System.nanoTime();
				int beforeOpen = this.requestNanos.size();
				await().atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofMillis(50))
					.until(() -> this.firstDeliveryAfterRecovery.get() != 0);
				long whileOpen = this.requestNanos.stream().filter((t) -> t >= opened && t < recovery).count();
				double minutesOpen = (recovery - opened) / 60e9;
				double perMinute = whileOpen / minutesOpen;
				Duration drainStartedAfter = Duration.ofNanos(this.firstDeliveryAfterRecovery.get() - recovery);
				System.out.printf("Outage: %d requests before the breaker opened, %d requests in %.2f min while open "
						+ "(%.1f/min), drain started %d ms after recovery%n", beforeOpen, whileOpen, minutesOpen,
						perMinute, drainStartedAfter.toMillis());
				// one probe per 9.6-12 s (open-duration 12 s, jittered): about 5.5 a minute, never a burst
				assertThat(perMinute).isLessThanOrEqualTo(7);
				assertThat(drainStartedAfter).isLessThan(Duration.ofMillis(12500));
				await().atMost(Duration.ofSeconds(30)).until(() -> server.customers().size() == 30);
				assertThat(admin.backlog().parkedLanes()).isZero();
			});
	}

	private OutboxDeliveryHandler handler(PaidClient client) {
		return new OutboxDeliveryHandler() {

			@Override
			public String entityType() {
				return "CUSTOMER";
			}

			@Override
			public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
				return Mono.defer(() -> {
					PaidOutageRecoveryTests.this.requestNanos.add(System.nanoTime());
					return client.updateCustomerByExternalId(record.entityId(), new UpdateCustomerRequest(
							record.payload(), null, null, null, null, null, null, null, null, null, null, null));
				})
					.onErrorResume((ex) -> ex instanceof PaidApiException api && api.isNotFound(),
							(ex) -> client.createCustomer(new CreateCustomerRequest(record.payload(), null, null,
									null, null, record.entityId(), null, null, null, null, null)))
					.doOnSuccess((customer) -> PaidOutageRecoveryTests.this.firstDeliveryAfterRecovery
						.compareAndSet(0, System.nanoTime()))
					.then(Mono.empty());
			}

		};
	}

}
