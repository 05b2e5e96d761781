package ai.paid.spring.userapp;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.outbox.PaidOutbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's existing {@code @SpringBootTest} with the starter turned off: it starts without a key and without
 * any Paid bean, and saving a {@code @PaidSync} entity still works.
 */
@SpringBootTest(properties = "paid.enabled=false")
class UserAppStarterOffTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountRepository accounts;

	@Test
	void contextLoads() {
		assertThat(this.context.getBeanNamesForType(PaidClient.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(PaidOutbox.class)).isEmpty();
	}

	@Test
	void savingAnEntityNeedsNoPaid() {
		this.accounts.save(new Account("acme-1", "Acme Ltd"));
		assertThat(this.accounts.count()).isOne();
	}

}
