package ai.paid.spring.test;

// Why this class is long: over 300 lines because it is both the mock's webhook state (one webhook per event, the
// signing secret) and the test API that sends signed, re-sent, badly signed and stale deliveries to the application.

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Paid's webhooks in the mock: the management routes' state (one webhook per event name, with URL and enabled flag,
 * and the organization's signing secret) and sending signed deliveries to the application under test, as Paid does:
 * a POST of {@code {"event", "timestamp", "isTest", "data"}} with {@code x-webhook-signature: t=<ms>,s=<base64
 * HMAC-SHA256 of t + "." + body>}. Obtain it from {@link MockPaidServer#webhooks()}.
 * <p>
 * A delivery goes to the event's URL when it was set and enabled through {@code PATCH /webhooks/{name}}, and to the
 * {@linkplain #target(String) target} otherwise ({@code @AutoConfigureMockPaid} points it at the application's
 * receiver when the test runs a web server on a port).
 */
public final class MockWebhooks {

	/** The signing secret the mock starts with, which {@code @AutoConfigureMockPaid} gives the application. */
	public static final String DEFAULT_SIGNING_SECRET = "mock-paid-webhook-secret";

	/** The event names Paid documents, with the key of their payload in {@code data}. */
	static final Map<String, String> EVENTS = events();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, ObjectNode> webhooks = new LinkedHashMap<>();

	private volatile String signingSecret = DEFAULT_SIGNING_SECRET;

	private volatile boolean signingSecretConfigured = true;

	private volatile SignatureHeaderFormat headerFormat = SignatureHeaderFormat.COMMA;

	private volatile @Nullable Supplier<@Nullable String> target;

	MockWebhooks() {
		reset();
	}

	private static Map<String, String> events() {
		Map<String, String> events = new LinkedHashMap<>();
		events.put("billing-invoice-created", "invoice");
		events.put("billing-invoice-paid", "invoice");
		events.put("billing-checkout-created", "checkout");
		events.put("billing-checkout-completed", "checkout");
		events.put("billing-checkout-expired", "checkout");
		events.put("billing-payment-succeeded", "payment");
		events.put("billing-payment-failed", "payment");
		events.put("billing-credits-depleted", "credits");
		events.put("billing-overage-incurred", "overage");
		return Map.copyOf(events);
	}

	// ---- configuration

	/**
	 * Set where deliveries go when their event has no enabled URL in the mock.
	 * @param url the receiver's URL, e.g. {@code http://127.0.0.1:8080/paid/webhooks}
	 * @return these webhooks
	 */
	public MockWebhooks target(String url) {
		this.target = () -> url;
		return this;
	}

	void target(Supplier<@Nullable String> url) {
		this.target = url;
	}

	/**
	 * Set the separators of the signature header (see {@link SignatureHeaderFormat}; default
	 * {@link SignatureHeaderFormat#COMMA}).
	 * @param format the format
	 * @return these webhooks
	 */
	public MockWebhooks headerFormat(SignatureHeaderFormat format) {
		this.headerFormat = format;
		return this;
	}

	/**
	 * The current signing secret.
	 * @return the secret
	 */
	public String signingSecret() {
		return this.signingSecret;
	}

	/**
	 * Start with no signing secret, as a new organization does: the first {@code PATCH /webhooks/{name}} creates one
	 * and returns it once.
	 * @return these webhooks
	 */
	public MockWebhooks withoutSigningSecret() {
		this.signingSecretConfigured = false;
		return this;
	}

	/**
	 * The webhooks' state, one map per event name with Paid's wire names.
	 * @return the webhooks
	 */
	public synchronized List<Map<String, Object>> list() {
		return MockJson.toMaps(List.copyOf(this.webhooks.values()));
	}

	// ---- sending

	/**
	 * Send a signed delivery. For a documented event the payload goes under its key in {@code data}
	 * ({@code billing-credits-depleted} -> {@code data.credits}); for any other name it is {@code data} itself.
	 * @param event the event name
	 * @param payload the payload
	 * @return the delivery and the application's answer
	 */
	public MockWebhookDelivery send(String event, Map<String, ?> payload) {
		return deliver(url(event), event, envelope(event, payload, false), now(), this.signingSecret);
	}

	/**
	 * Deliver the same body again, with a fresh timestamp and signature, as Paid does when it retries.
	 * @param delivery an earlier delivery
	 * @return the new delivery and the application's answer
	 */
	public MockWebhookDelivery redeliver(MockWebhookDelivery delivery) {
		return redeliver(delivery, delivery.url());
	}

	/**
	 * Deliver the same body again to another URL (another instance of the application).
	 * @param delivery an earlier delivery
	 * @param url where to send it
	 * @return the new delivery and the application's answer
	 */
	public MockWebhookDelivery redeliver(MockWebhookDelivery delivery, String url) {
		return deliver(url, delivery.event(), delivery.body(), now(), this.signingSecret);
	}

	/**
	 * Send a delivery signed with a secret that is not the organization's.
	 * @param event the event name
	 * @param payload the payload
	 * @return the delivery and the application's answer
	 */
	public MockWebhookDelivery sendWithBadSignature(String event, Map<String, ?> payload) {
		return deliver(url(event), event, envelope(event, payload, false), now(), "not-" + this.signingSecret);
	}

	/**
	 * Send a correctly signed delivery with the given signed timestamp (e.g. ten minutes ago).
	 * @param event the event name
	 * @param payload the payload
	 * @param timestamp the timestamp to sign
	 * @return the delivery and the application's answer
	 */
	public MockWebhookDelivery sendWithTimestamp(String event, Map<String, ?> payload, Instant timestamp) {
		return deliver(url(event), event, envelope(event, payload, false), timestamp.toEpochMilli(),
				this.signingSecret);
	}

	/**
	 * Post any body with any signature header, for tampering tests (see {@link #signature(long, String)}).
	 * @param url where to post
	 * @param body the raw body
	 * @param signature the header value, or {@code null} to send none
	 * @return the delivery and the application's answer
	 */
	public MockWebhookDelivery sendRaw(String url, String body, @Nullable String signature) {
		return post(url, "raw", body, signature);
	}

	/**
	 * The signature header Paid would send for a body at a time, with the current secret and header format.
	 * @param timestamp milliseconds since the epoch
	 * @param body the raw body
	 * @return the header value
	 */
	public String signature(long timestamp, String body) {
		return this.headerFormat.format(timestamp, hmac(this.signingSecret, timestamp, body));
	}

	/**
	 * The envelope Paid would send, as JSON text.
	 * @param event the event name
	 * @param payload the payload (see {@link #send(String, Map)})
	 * @return the body
	 */
	public String envelope(String event, Map<String, ?> payload) {
		return envelope(event, payload, false);
	}

	/**
	 * The URL a delivery of this event would go to.
	 * @param event the event name
	 * @return the URL
	 * @throws IllegalStateException when neither the event's webhook nor the target has one
	 */
	public synchronized String url(String event) {
		ObjectNode webhook = this.webhooks.get(event);
		if (webhook != null && webhook.path("enabled").asBoolean() && webhook.path("url").isString()) {
			return webhook.path("url").stringValue();
		}
		Supplier<@Nullable String> supplier = this.target;
		String url = (supplier != null) ? supplier.get() : null;
		if (url == null) {
			throw new IllegalStateException("MockPaidServer has nowhere to send webhook '" + event + "': set "
					+ "webhooks().target(url), configure the webhook's URL, or run the test with "
					+ "@SpringBootTest(webEnvironment = RANDOM_PORT) and @AutoConfigureMockPaid");
		}
		return url;
	}

	private String envelope(String event, Map<String, ?> payload, boolean test) {
		ObjectNode envelope = MockJson.object();
		envelope.put("event", event);
		envelope.put("timestamp", MockJson.now());
		envelope.put("isTest", test);
		String key = EVENTS.get(event);
		if (key != null) {
			envelope.putObject("data").set(key, MockJson.MAPPER.valueToTree(payload));
		}
		else {
			envelope.set("data", MockJson.MAPPER.valueToTree(payload));
		}
		return MockJson.MAPPER.writeValueAsString(envelope);
	}

	private MockWebhookDelivery deliver(String url, String event, String body, long timestamp, String secret) {
		String signature = this.headerFormat.format(timestamp, hmac(secret, timestamp, body));
		MockWebhookDelivery delivery = post(url, event, body, signature);
		synchronized (this) {
			ObjectNode webhook = this.webhooks.get(event);
			if (webhook != null) {
				webhook.put("lastSentAt", MockJson.now());
				webhook.put("lastStatus", delivery.accepted() ? "success" : "failed");
			}
		}
		return delivery;
	}

	private MockWebhookDelivery post(String url, String event, String body, @Nullable String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (signature != null) {
			request.header("x-webhook-signature", signature);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new MockWebhookDelivery(url, event, body, (signature != null) ? signature : "",
					response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not deliver webhook '" + event + "' to " + url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while delivering webhook '" + event + "'", ex);
		}
	}

	static String hmac(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static long now() {
		return Instant.now().toEpochMilli();
	}

	// ---- management routes (WebhookRoutes)

	synchronized @Nullable ObjectNode webhook(String name) {
		return this.webhooks.get(name);
	}

	synchronized ObjectNode listResponse() {
		ObjectNode response = MockJson.object();
		response.putArray("data").addAll(this.webhooks.values().stream().map(ObjectNode::deepCopy).toList());
		response.put("signingSecretConfigured", this.signingSecretConfigured);
		return response;
	}

	/** Applies a PATCH; returns the update response, with the secret when this save created it. */
	synchronized ObjectNode update(ObjectNode webhook, ObjectNode body) {
		if (body.has("enabled")) {
			webhook.put("enabled", body.get("enabled").asBoolean());
		}
		if (body.has("url")) {
			webhook.set("url", body.get("url"));
		}
		ObjectNode response = webhook.deepCopy();
		if (!this.signingSecretConfigured) {
			this.signingSecretConfigured = true;
			this.signingSecret = newSecret();
			response.put("signingSecret", this.signingSecret);
		}
		return response;
	}

	synchronized String rotate() {
		this.signingSecret = newSecret();
		this.signingSecretConfigured = true;
		return this.signingSecret;
	}

	/** Sends a test delivery of the event to its configured URL; whether the application answered 2xx. */
	boolean test(String name) {
		String url;
		synchronized (this) {
			url = this.webhooks.get(name).path("url").stringValue();
		}
		Map<String, Object> sample = Map.of("id", "test_" + name, "test", true);
		try {
			return deliver(url, name, envelope(name, sample, true), now(), this.signingSecret).accepted();
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private static String newSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	synchronized void reset() {
		this.webhooks.clear();
		int id = 1;
		for (String name : EVENTS.keySet().stream().sorted().toList()) {
			ObjectNode webhook = MockJson.object();
			webhook.put("id", "wh_" + id++);
			webhook.put("name", name);
			webhook.put("description", "Sent on " + name.replace('-', ' '));
			webhook.put("enabled", false);
			webhook.putNull("url");
			webhook.putNull("lastSentAt");
			webhook.putNull("lastStatus");
			this.webhooks.put(name, webhook);
		}
		this.signingSecret = DEFAULT_SIGNING_SECRET;
		this.signingSecretConfigured = true;
		this.headerFormat = SignatureHeaderFormat.COMMA;
	}

}
