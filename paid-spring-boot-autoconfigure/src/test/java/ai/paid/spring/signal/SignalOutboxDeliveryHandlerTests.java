package ai.paid.spring.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import ai.paid.spring.client.PaidRetryPolicy;
import ai.paid.spring.client.Signal;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.client.WebClientPaidClient;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.signal.SignalCustomerReadiness.Readiness;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code SIGNAL} handler asks {@link SignalCustomerReadiness} before it sends, and turns "not yet" into a wait.
 */
class SignalOutboxDeliveryHandlerTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private final List<String> asked = new CopyOnWriteArrayList<>();

	private static MockPaidServer paid() {
		return mock.server();
	}

	@Test
	void aSignalWhoseCustomerIsNotReadyWaitsWithTheReasonAndIsNotSent() {
		SignalOutboxDeliveryHandler handler = handler((customer) -> Mono
			.just(Readiness.waitFor(Duration.ofSeconds(2), "customer '" + customer + "' is still queued for Paid")));
		DeliveryOutcome outcome = handler.deliver(row(SignalCustomer.byExternalId("acme"))).block();
		assertThat(outcome).isNotNull();
		assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.WAIT);
		assertThat(outcome.after()).isEqualTo(Duration.ofSeconds(2));
		assertThat(outcome.reason()).contains("customer 'acme' is still queued for Paid");
		assertThat(this.asked).containsExactly("acme");
		assertThat(paid().requests("POST", "/signals/bulk")).isEmpty();
	}

	@Test
	void aSignalWhoseCustomerIsReadyIsSentAndDelivered() {
		SignalOutboxDeliveryHandler handler = handler((customer) -> Mono.just(Readiness.sendNow()));
		OutboxRecord row = row(SignalCustomer.byExternalId("acme"));
		assertThat(handler.deliver(row).block()).isNull();
		assertThat(paid().signals()).singleElement()
			.satisfies((signal) -> assertThat(signal).containsEntry("idempotencyKey", row.entityId()));
	}

	@Test
	void anEmptyAnswerMeansReady() {
		SignalOutboxDeliveryHandler handler = handler((customer) -> Mono.empty());
		assertThat(handler.deliver(row(SignalCustomer.byExternalId("acme"))).block()).isNull();
		assertThat(paid().signals()).hasSize(1);
	}

	@Test
	void aCustomerGivenByPaidIdIsNotAsked() {
		SignalOutboxDeliveryHandler handler = handler(
				(customer) -> Mono.just(Readiness.waitFor(Duration.ofSeconds(1), "never")));
		assertThat(handler.deliver(row(SignalCustomer.byId("cus_123"))).block()).isNull();
		assertThat(this.asked).isEmpty();
		assertThat(paid().signals()).hasSize(1);
	}

	private SignalOutboxDeliveryHandler handler(SignalCustomerReadiness readiness) {
		return new SignalOutboxDeliveryHandler(
				WebClientPaidClient.builder()
					.baseUrl(paid().baseUrl())
					.apiKey(paid().apiKey())
					.retryPolicy(PaidRetryPolicy.none())
					.build(),
				SignalObserver.NONE, 4, 100, (customer) -> {
					this.asked.add(customer);
					return readiness.check(customer);
				});
	}

	private static OutboxRecord row(SignalCustomer customer) {
		String key = UUID.randomUUID().toString();
		Signal signal = new Signal("email_sent", customer, null, null, null, key);
		return new OutboxRecord(1, SignalOutboxWriter.lane(customer), SignalOutboxWriter.ENTITY_TYPE, key,
				OutboxOperation.UPSERT, SignalJson.MAPPER.writeValueAsString(signal), 0, Instant.now());
	}

}
