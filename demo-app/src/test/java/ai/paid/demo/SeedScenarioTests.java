package ai.paid.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.paid.demo.crm.Account;
import ai.paid.demo.crm.AccountRepository;
import ai.paid.demo.crm.Contact;
import ai.paid.demo.crm.ContactRepository;
import ai.paid.demo.crm.Subscription;
import ai.paid.demo.crm.SubscriptionRepository;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.RecordedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first start plays the seed scenario against the embedded mock Paid, and Paid ends up with what the seed guide
 * describes: the customer, the contact linked to it, the order linked to both, and the agent's signals.
 */
@SpringBootTest
class SeedScenarioTests {

	@Autowired
	private MockPaidServer paid;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private ContactRepository contacts;

	@Autowired
	private SubscriptionRepository subscriptions;

	@Test
	void signUpReachesPaidAsCustomerThenContactThenOrderLinkedToBoth() {
		Account acme = this.accounts.findAll().get(0);
		Contact john = this.contacts.findAll().get(0);
		Subscription pro = this.subscriptions.findAll().get(0);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.paid.ordersByExternalId(pro.getId()).size() == 1);

		Map<String, Object> customer = this.paid.customerByExternalId(acme.getId()).orElseThrow();
		assertThat(customer).containsEntry("name", "Acme Ltd")
			.containsEntry("email", "billing@acme.com")
			.containsEntry("defaultCurrency", "USD");
		Map<String, Object> contact = this.paid.contactByExternalId(john.getId()).orElseThrow();
		assertThat(contact).containsEntry("customerId", customer.get("id"))
			.containsEntry("firstName", "John")
			.containsEntry("lastName", "Doe")
			.containsEntry("email", "john.doe@acme.com");
		Map<String, Object> order = this.paid.ordersByExternalId(pro.getId()).get(0);
		assertThat(order).containsEntry("customerId", customer.get("id"))
			.containsEntry("name", "AI SDR - Pro")
			.containsEntry("currency", "USD")
			.containsEntry("billingContactIds", List.of(contact.get("id")));
		assertThat((String) order.get("startDate")).startsWith("2025-06-01");
		assertThat((String) order.get("endDate")).startsWith("2026-05-31");
		String product = (String) this.paid.products()
			.stream()
			.filter((candidate) -> "ai-sdr-pro".equals(candidate.get("externalId")))
			.findFirst()
			.orElseThrow()
			.get("id");
		assertThat(this.paid.orderLines((String) order.get("id"))).extracting((line) -> line.get("productId"))
			.containsExactly(product);
		assertThat(this.paid.requests()
			.stream()
			.filter((request) -> request.method().equals("POST"))
			.map(RecordedRequest::relativePath))
			.filteredOn((path) -> !path.startsWith("/signals") && !path.startsWith("/costs"))
			.containsExactly("/products/", "/customers/", "/contacts/", "/orders/");
	}

	@Test
	void theProductDeclaredInApplicationYmlIsCreatedWithItsThreePricesBeforeAnyOrder() {
		Map<String, Object> product = this.paid.productByExternalId("ai-sdr-pro").orElseThrow();
		assertThat(product).containsEntry("name", "AI SDR");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> attributes = (List<Map<String, Object>>) product.get("productAttributes");
		assertThat(attributes).extracting((attribute) -> attribute.get("name"))
			.containsExactly("Platform fee", "Usage pricing", "Outcome pricing");
		assertThat(attributes).extracting((attribute) -> (Object) ((Map<?, ?>) attribute.get("pricing")).get("pricePoints"))
			.containsExactly(List.of(Map.of("currency", "USD", "unitPrice", 500)),
					List.of(Map.of("currency", "USD", "unitPrice", 0.10)),
					List.of(Map.of("currency", "USD", "unitPrice", 50)));
		assertThat(attributes).extracting((attribute) -> (Object) ((Map<?, ?>) attribute.get("pricing")).get("eventName"))
			.containsExactly(null, "email_sent", "meeting_booked");
	}

	@Test
	void agentActivityReachesPaidAsSignalsBilledToAcmeForTheAiSdrProduct() {
		Account acme = this.accounts.findAll().get(0);
		assertThat(acme.getName()).isEqualTo("Acme Ltd");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.paid.signals().size() >= 4);
		List<Map<String, Object>> signals = this.paid.signals();
		assertThat(signals).extracting((signal) -> signal.get("eventName"))
			.containsExactlyInAnyOrder("email_sent", "email_sent", "email_sent", "meeting_booked");
		assertThat(signals).extracting((signal) -> signal.get("customer"))
			.containsOnly(Map.of("externalCustomerId", acme.getId()));
		assertThat(signals).extracting((signal) -> signal.get("attribution"))
			.containsOnly(Map.of("externalProductId", "ai-sdr-pro"));
	}

	@Test
	void eachEmailTheChatModelWroteIsACostOfAcmeForTheAiSdrProduct() {
		Account acme = this.accounts.findAll().get(0);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.paid.costs().size() >= 3);
		assertThat(this.paid.costs()).hasSize(3)
			.allSatisfy((cost) -> assertThat(cost).containsEntry("type", "usage")
				.containsEntry("vendor", "openai")
				.containsEntry("customer", Map.of("externalCustomerId", acme.getId()))
				.containsEntry("product", Map.of("externalProductId", "ai-sdr-pro")));
	}

}
