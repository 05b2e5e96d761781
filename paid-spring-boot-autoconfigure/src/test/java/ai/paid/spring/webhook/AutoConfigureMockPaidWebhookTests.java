package ai.paid.spring.webhook;

import java.time.Duration;
import java.util.Map;

import ai.paid.spring.test.AutoConfigureMockPaid;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockWebhookDelivery;
import ai.paid.spring.test.SignatureHeaderFormat;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a user's test looks like: {@code @AutoConfigureMockPaid} gives the application the mock's signing secret and
 * points the mock's deliveries at the application's receiver.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:mockpaid-webhooks;DB_CLOSE_DELAY=-1",
				"paid.webhooks.poll-interval=100ms" })
@AutoConfigureMockPaid
class AutoConfigureMockPaidWebhookTests {

	@Autowired
	MockPaidServer paid;

	@Autowired
	WebhookTestApplication.Handlers handlers;

	@Test
	void mockSendsASignedWebhookTheApplicationHandles() {
		MockWebhookDelivery delivery = this.paid.webhooks()
			.send("billing-credits-depleted", Map.of("id", "cred_1", "customerId", "cus_1"));
		assertThat(delivery.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.handlers.handledCount("billing-credits-depleted:cred_1") == 1);
	}

	@Test
	void everyHeaderFormatTheMockCanSendIsAccepted() {
		for (SignatureHeaderFormat format : SignatureHeaderFormat.values()) {
			this.paid.webhooks().headerFormat(format);
			MockWebhookDelivery delivery = this.paid.webhooks()
				.send("billing-invoice-created", Map.of("id", "in_" + format.name()));
			assertThat(delivery.status()).as(format.name()).isEqualTo(200);
			assertThat(delivery.response()).isEqualTo("accepted");
		}
	}

}
