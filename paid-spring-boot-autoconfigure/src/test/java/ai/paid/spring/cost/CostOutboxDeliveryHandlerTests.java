package ai.paid.spring.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.PaidRetryPolicy;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.client.TokenUsage;
import ai.paid.spring.client.WebClientPaidClient;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.signal.SignalCustomerReadiness;
import ai.paid.spring.signal.SignalCustomerReadiness.Readiness;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code COST} handler sends a lane's consecutive costs of one customer in one bulk POST, as the signal handler
 * does, and waits for a customer that is not in Paid yet.
 */
class CostOutboxDeliveryHandlerTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private static MockPaidServer paid() {
		return mock.server();
	}

	@Test
	void aLanesConsecutiveCostsOfOneCustomerGoInOnePost() {
		CostOutboxDeliveryHandler handler = handler(SignalCustomerReadiness.READY);
		assertThat(handler.maxBatch()).isEqualTo(50);
		SignalCustomer acme = SignalCustomer.byExternalId("acme");
		List<DeliveryOutcome> outcomes = handler.deliverAll(List.of(row(acme), row(acme), row(acme)))
			.collectList()
			.block();
		assertThat(outcomes).hasSize(3)
			.allSatisfy((outcome) -> assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.DELIVERED));
		assertThat(paid().requests("POST", "/costs/bulk")).hasSize(1);
		assertThat(paid().costs()).hasSize(3);
	}

	@Test
	void aCostOfAnotherCustomerEndsTheGroup() {
		CostOutboxDeliveryHandler handler = handler(SignalCustomerReadiness.READY);
		SignalCustomer acme = SignalCustomer.byExternalId("acme");
		List<DeliveryOutcome> outcomes = handler
			.deliverAll(List.of(row(acme), row(acme), row(SignalCustomer.byExternalId("globex"))))
			.collectList()
			.block();
		assertThat(outcomes).hasSize(2);
		assertThat(paid().requests("POST", "/costs/bulk")).hasSize(1);
		assertThat(paid().costs()).hasSize(2);
	}

	@Test
	void costsWhoseCustomerIsNotReadyWaitWithTheReasonAndAreNotSent() {
		CostOutboxDeliveryHandler handler = handler((customer) -> Mono
			.just(Readiness.waitFor(Duration.ofSeconds(2), "customer '" + customer + "' is still queued for Paid")));
		SignalCustomer acme = SignalCustomer.byExternalId("acme");
		List<DeliveryOutcome> outcomes = handler.deliverAll(List.of(row(acme), row(acme))).collectList().block();
		assertThat(outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.WAIT);
			assertThat(outcome.reason())
				.isEqualTo("Cost waits for its customer: customer 'acme' is still queued for Paid");
		});
		assertThat(paid().requests("POST", "/costs/bulk")).isEmpty();
	}

	private static CostOutboxDeliveryHandler handler(SignalCustomerReadiness readiness) {
		return new CostOutboxDeliveryHandler(
				WebClientPaidClient.builder()
					.baseUrl(paid().baseUrl())
					.apiKey(paid().apiKey())
					.retryPolicy(PaidRetryPolicy.none())
					.build(),
				CostObserver.NONE, 4, 50, readiness);
	}

	private static OutboxRecord row(SignalCustomer customer) {
		Cost cost = Cost.usage(customer, null, null, null, "openai", "gpt-4o-mini", TokenUsage.of(10, 2));
		return new OutboxRecord(1, CostOutboxWriter.lane(customer), CostOutboxWriter.ENTITY_TYPE,
				UUID.randomUUID().toString(), OutboxOperation.UPSERT, CostJson.MAPPER.writeValueAsString(cost), 0,
				Instant.now());
	}

}
