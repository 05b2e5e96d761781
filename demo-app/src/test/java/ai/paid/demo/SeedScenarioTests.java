package ai.paid.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.paid.demo.crm.Account;
import ai.paid.demo.crm.AccountRepository;
import ai.paid.spring.test.MockPaidServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first start plays the seed scenario against the embedded mock Paid, and Paid ends up with what the seed guide
 * describes.
 */
@SpringBootTest
class SeedScenarioTests {

	@Autowired
	private MockPaidServer paid;

	@Autowired
	private AccountRepository accounts;

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

}
