package ai.paid.spring.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook management routes of {@link PaidClient} against the mock Paid server.
 */
class PaidWebhookManagementTests {

	@RegisterExtension
	static final MockPaidServerExtension paid = new MockPaidServerExtension();

	private BlockingPaidClient client(MockPaidServer server) {
		return WebClientPaidClient.builder().baseUrl(server.baseUrl()).apiKey(server.apiKey()).build().blocking();
	}

	@Test
	void listShowsEveryEventsWebhook() {
		WebhookList list = client(paid.server()).listWebhooks();
		assertThat(list.signingSecretConfigured()).isTrue();
		assertThat(list.data()).extracting(Webhook::name)
			.contains("billing-invoice-paid", "billing-credits-depleted", "billing-payment-failed")
			.hasSize(9);
		assertThat(list.data()).allSatisfy((webhook) -> assertThat(webhook.enabled()).isFalse());
	}

	@Test
	void configureSendsOnlyTheGivenFieldsAndClearingTheUrlSendsNull() {
		MockPaidServer server = paid.server();
		BlockingPaidClient client = client(server);
		WebhookUpdateResponse enabled = client.updateWebhook("billing-invoice-paid",
				UpdateWebhookRequest.enable("https://app.example.com/paid/webhooks"));
		assertThat(enabled.enabled()).isTrue();
		assertThat(enabled.url()).isEqualTo("https://app.example.com/paid/webhooks");
		assertThat(enabled.signingSecret()).isNull();
		client.updateWebhook("billing-invoice-paid", UpdateWebhookRequest.disable());
		client.updateWebhook("billing-invoice-paid", new UpdateWebhookRequest(null, null, true));
		List<String> bodies = server.requests("PATCH", "/webhooks/billing-invoice-paid")
			.stream()
			.map((request) -> request.body())
			.toList();
		assertThat(bodies).containsExactly("{\"enabled\":true,\"url\":\"https://app.example.com/paid/webhooks\"}",
				"{\"enabled\":false}", "{\"url\":null}");
	}

	@Test
	void firstSaveOfANewOrganizationReturnsTheSigningSecretOnce() {
		MockPaidServer server = paid.server();
		server.webhooks().withoutSigningSecret();
		BlockingPaidClient client = client(server);
		assertThat(client.listWebhooks().signingSecretConfigured()).isFalse();
		WebhookUpdateResponse first = client.updateWebhook("billing-invoice-paid", UpdateWebhookRequest.disable());
		assertThat(first.signingSecret()).isEqualTo(server.webhooks().signingSecret());
		assertThat(first.toString()).doesNotContain(first.signingSecret());
		assertThat(client.updateWebhook("billing-invoice-paid", UpdateWebhookRequest.disable()).signingSecret())
			.isNull();
	}

	@Test
	void unknownWebhookIs404() {
		assertThatThrownBy(() -> client(paid.server()).updateWebhook("billing-nope", UpdateWebhookRequest.disable()))
			.isInstanceOfSatisfying(PaidApiException.class, (ex) -> assertThat(ex.getStatus()).isEqualTo(404));
	}

	@Test
	void testSendsASignedTestDeliveryToTheConfiguredUrl() throws IOException {
		List<String> signatures = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hooks", (exchange) -> {
			signatures.add(exchange.getRequestHeaders().getFirst("x-webhook-signature"));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		try {
			BlockingPaidClient client = client(paid.server());
			assertThatThrownBy(() -> client.testWebhook("billing-invoice-paid"))
				.isInstanceOfSatisfying(PaidApiException.class, (ex) -> assertThat(ex.getStatus()).isEqualTo(400));
			client.updateWebhook("billing-invoice-paid",
					UpdateWebhookRequest.enable("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"));
			assertThat(client.testWebhook("billing-invoice-paid").success()).isTrue();
			assertThat(signatures).singleElement().asString().matches("t=\\d+,s=[A-Za-z0-9+/]+=*");
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	void rotateReturnsANewSecretThatSignsFromNowOn() {
		MockPaidServer server = paid.server();
		String before = server.webhooks().signingSecret();
		RotateWebhookSecretResponse rotated = client(server).rotateWebhookSecret();
		assertThat(rotated.signingSecret()).isNotEqualTo(before).isEqualTo(server.webhooks().signingSecret());
		assertThat(rotated.toString()).doesNotContain(rotated.signingSecret());
	}

}
