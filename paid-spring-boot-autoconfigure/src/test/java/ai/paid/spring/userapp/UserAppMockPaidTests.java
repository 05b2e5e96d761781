package ai.paid.spring.userapp;

import ai.paid.spring.test.AutoConfigureMockPaid;
import ai.paid.spring.test.MockPaidServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's existing {@code @SpringBootTest} with {@code @AutoConfigureMockPaid}: it starts without a key,
 * and a saved entity is asserted on once it reached the mock Paid.
 */
@SpringBootTest
@AutoConfigureMockPaid
class UserAppMockPaidTests {

	@Autowired
	MockPaidServer paid;

	@Autowired
	AccountRepository accounts;

	@Test
	void contextLoads() {
		assertThat(this.paid.isRunning()).isTrue();
	}

	@Test
	void aSavedAccountReachesPaid() {
		this.accounts.save(new Account("acme-1", "Acme Ltd"));
		assertThat(this.paid.await().customer("acme-1")).containsEntry("name", "Acme Ltd");
	}

	@Test
	void aRenameReachesPaid() {
		Account account = this.accounts.save(new Account("acme-2", "Acme Ltd"));
		this.paid.await().customer("acme-2");
		account.rename("Acme Inc");
		this.accounts.save(account);
		this.paid.await().customer("acme-2", (customer) -> "Acme Inc".equals(customer.get("name")));
		assertThat(this.paid.requests("PUT", "/customers/external/acme-2")).hasSizeGreaterThanOrEqualTo(2);
	}

}
