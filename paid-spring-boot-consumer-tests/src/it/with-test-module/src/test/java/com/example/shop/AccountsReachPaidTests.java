package com.example.shop;

import java.time.Duration;

import ai.paid.spring.test.AutoConfigureMockPaid;
import ai.paid.spring.test.MockPaidServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The test a user writes with the test module: the mock Paid for the context, an entity saved, the customer in Paid.
 */
@SpringBootTest
@AutoConfigureMockPaid
class AccountsReachPaidTests {

	@Autowired
	AccountRepository accounts;

	@Autowired
	MockPaidServer paid;

	@Test
	void aSavedAccountReachesPaid() {
		this.accounts.save(new Account("acme-1", "Acme Ltd"));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.paid.customerByExternalId("acme-1"))
				.hasValueSatisfying((customer) -> assertThat(customer).containsEntry("name", "Acme Ltd")));
	}

}
