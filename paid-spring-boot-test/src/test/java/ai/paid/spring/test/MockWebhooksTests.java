package ai.paid.spring.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the mock's webhook deliveries look like on the wire: Paid's envelope, signed as §7 of the wire facts says.
 */
class MockWebhooksTests {

	private static final Pattern HEADER = Pattern.compile("t=(\\d+),s=([A-Za-z0-9+/=]+)");

	private final MockPaidServer server = new MockPaidServer();

	private final List<String[]> received = new CopyOnWriteArrayList<>();

	private HttpServer receiver;

	private String url;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hooks", (exchange) -> {
			this.received.add(new String[] { exchange.getRequestHeaders().getFirst("x-webhook-signature"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) });
			byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.receiver.start();
		this.url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks";
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void sendPostsPaidsEnvelopeSignedOverTheRawBodyWithMillisecondTimestamp() throws Exception {
		MockWebhookDelivery delivery = this.server.webhooks()
			.target(this.url)
			.send("billing-credits-depleted", Map.of("id", "cr_1", "customerId", "cus_1"));
		assertThat(delivery.status()).isEqualTo(200);
		assertThat(delivery.response()).isEqualTo("ok");
		String[] request = this.received.get(0);
		assertThat(request[1]).isEqualTo(delivery.body());
		JsonNode envelope = JsonMapper.builder().build().readTree(request[1]);
		assertThat(envelope.path("event").asString()).isEqualTo("billing-credits-depleted");
		assertThat(envelope.path("isTest").asBoolean(true)).isFalse();
		assertThat(Instant.parse(envelope.path("timestamp").asString())).isNotNull();
		assertThat(envelope.path("data").path("credits").path("id").asString()).isEqualTo("cr_1");
		Matcher header = HEADER.matcher(request[0]);
		assertThat(header.matches()).as(request[0]).isTrue();
		long t = Long.parseLong(header.group(1));
		assertThat(t).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
		assertThat(header.group(2)).isEqualTo(hmac(MockWebhooks.DEFAULT_SIGNING_SECRET, t + "." + request[1]));
	}

	@Test
	void unknownEventsPayloadIsTheWholeData() throws Exception {
		this.server.webhooks().target(this.url).send("billing-brand-new", Map.of("thing", Map.of("id", "x")));
		JsonNode envelope = JsonMapper.builder().build().readTree(this.received.get(0)[1]);
		assertThat(envelope.path("data").path("thing").path("id").asString()).isEqualTo("x");
	}

	@Test
	void redeliverySendsTheSameBodyWithItsOwnSignature() {
		MockWebhooks webhooks = this.server.webhooks().target(this.url);
		MockWebhookDelivery first = webhooks.send("billing-invoice-paid", Map.of("id", "in_1"));
		MockWebhookDelivery again = webhooks.redeliver(first);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(this.received).hasSize(2);
		assertThat(this.received.get(1)[1]).isEqualTo(this.received.get(0)[1]);
	}

	@Test
	void badSignatureAndOldTimestamp() throws Exception {
		MockWebhooks webhooks = this.server.webhooks().target(this.url);
		webhooks.sendWithBadSignature("billing-invoice-paid", Map.of("id", "in_1"));
		Matcher bad = HEADER.matcher(this.received.get(0)[0]);
		assertThat(bad.matches()).isTrue();
		assertThat(bad.group(2))
			.isNotEqualTo(hmac(MockWebhooks.DEFAULT_SIGNING_SECRET, bad.group(1) + "." + this.received.get(0)[1]));
		Instant old = Instant.now().minusSeconds(600);
		webhooks.sendWithTimestamp("billing-invoice-paid", Map.of("id", "in_2"), old);
		Matcher stale = HEADER.matcher(this.received.get(1)[0]);
		assertThat(stale.matches()).isTrue();
		assertThat(stale.group(1)).isEqualTo(Long.toString(old.toEpochMilli()));
		assertThat(stale.group(2))
			.isEqualTo(hmac(MockWebhooks.DEFAULT_SIGNING_SECRET, stale.group(1) + "." + this.received.get(1)[1]));
	}

	@Test
	void headerFormatsAreSwitchable() {
		MockWebhooks webhooks = this.server.webhooks().target(this.url);
		webhooks.headerFormat(SignatureHeaderFormat.REVERSED).send("billing-invoice-paid", Map.of("id", "in_1"));
		webhooks.headerFormat(SignatureHeaderFormat.SEMICOLON).send("billing-invoice-paid", Map.of("id", "in_2"));
		assertThat(this.received.get(0)[0]).matches("s=[A-Za-z0-9+/=]+,t=\\d+");
		assertThat(this.received.get(1)[0]).matches("t=\\d+;s=[A-Za-z0-9+/=]+");
	}

	@Test
	void withoutATargetTheMockSaysWhatToDo() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.server.webhooks().send("billing-invoice-paid", Map.of("id", "in_1")))
			.withMessageContaining("webhooks().target(url)");
	}

	private static String hmac(String secret, String signed) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}

}
