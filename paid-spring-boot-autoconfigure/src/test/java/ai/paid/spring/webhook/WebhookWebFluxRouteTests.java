package ai.paid.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidWebhooksAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The receiver on WebFlux: the auto-configured route verifies the raw body and stores the delivery, which is then
 * handled.
 */
class WebhookWebFluxRouteTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, PaidClientAutoConfiguration.class,
				PaidWebhooksAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:webflux-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"paid.api-key=test-key", "paid.webhooks.signing-secret=flux-secret",
				"paid.webhooks.poll-interval=100ms");

	@Test
	void signedDeliveryIsAcceptedAndHandledAndABadOneIsRejected() {
		this.runner.run((context) -> {
			RouterFunction<?> route = context.getBean("paidWebhookRoute", RouterFunction.class);
			WebTestClient client = WebTestClient.bindToRouterFunction(route).build();
			String body = "{\"event\":\"billing-invoice-paid\",\"timestamp\":\"2026-12-02T10:00:00Z\",\"isTest\":false,"
					+ "\"data\":{\"invoice\":{\"id\":\"in_flux\"}}}";
			long now = System.currentTimeMillis();
			client.post()
				.uri("/paid/webhooks")
				.header("x-webhook-signature", "t=" + now + ",s=" + sign("flux-secret", now, body))
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("accepted");
			client.post()
				.uri("/paid/webhooks")
				.header("x-webhook-signature", "t=" + now + ",s=" + sign("wrong", now, body))
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody(String.class)
				.isEqualTo("invalid signature");
			PaidWebhookAdmin admin = context.getBean(PaidWebhookAdmin.class);
			await().until(() -> admin.entry("billing-invoice-paid:in_flux").state() == WebhookInboxEntry.State.HANDLED);
			assertThat(admin.backlog().handled()).isEqualTo(1);
		});
	}

	private static String sign(String secret, long timestamp, String body) {
		SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		return Base64.getEncoder()
			.encodeToString(WebhookSignatureVerifier.sign(key, Long.toString(timestamp),
					body.getBytes(StandardCharsets.UTF_8)));
	}

}
