package ai.paid.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paid's delivery envelope, {@code {"event", "timestamp", "isTest", "data"}}, and the key redeliveries are recognised
 * by. Paid says to deduplicate on business ids, not on the timestamp: the key is the event name plus the {@code id}
 * of the event's payload ({@code data.invoice.id}, ...). Paid does not document the payloads' fields, so when there
 * is no {@code id} the key falls back to a hash of the {@code data} object (with its keys sorted), which a redelivery
 * repeats and the envelope's timestamp does not affect.
 *
 * @param event the event name
 * @param timestamp the envelope's timestamp as sent, {@code null} when absent ({@link #instant()} reads it)
 * @param test the envelope's {@code isTest}
 * @param data the {@code data} object
 * @param dedupKey the deduplication key, at most 191 characters
 */
record WebhookEnvelope(String event, @Nullable String timestamp, boolean test, JsonNode data, String dedupKey) {

	static final int MAX_KEY_LENGTH = 191;

	private static final int MAX_EVENT_LENGTH = 64;

	/**
	 * Reads an envelope.
	 * @param mapper the mapper to read with
	 * @param body the raw body
	 * @return the envelope, {@code null} when the body is not one
	 */
	static @Nullable WebhookEnvelope read(JsonMapper mapper, byte[] body) {
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (root == null || !root.isObject()) {
			return null;
		}
		JsonNode eventNode = root.get("event");
		if (eventNode == null || !eventNode.isString() || eventNode.stringValue().isBlank()
				|| eventNode.stringValue().length() > MAX_EVENT_LENGTH) {
			return null;
		}
		String event = eventNode.stringValue();
		JsonNode data = root.path("data");
		if (!data.isObject()) {
			data = mapper.createObjectNode();
		}
		boolean test = root.path("isTest").asBoolean(false);
		JsonNode timestamp = root.get("timestamp");
		return new WebhookEnvelope(event, (timestamp != null && timestamp.isString()) ? timestamp.stringValue() : null,
				test, data, dedupKey(mapper, event, test, data));
	}

	/**
	 * The envelope's timestamp, parsed only by those who need it (the receiver does not).
	 * @return the instant, {@code null} when absent or unreadable
	 */
	@Nullable Instant instant() {
		if (this.timestamp == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(this.timestamp).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static String dedupKey(JsonMapper mapper, String event, boolean test, JsonNode data) {
		String prefix = (test ? "test:" : "") + event + ":";
		String key = PaidWebhookEventType.dataKeyOf(event);
		JsonNode payload = (key != null) ? data.path(key) : data;
		JsonNode id = payload.path("id");
		String businessId = (id.isString() || id.isNumber()) ? id.asString() : null;
		String candidate = (businessId != null && !businessId.isBlank()) ? prefix + businessId
				: prefix + "sha256:" + sha256(canonical(mapper, data));
		return (candidate.length() <= MAX_KEY_LENGTH) ? candidate : prefix + "sha256:" + sha256(candidate);
	}

	private static String canonical(JsonMapper mapper, JsonNode data) {
		Object tree = mapper.convertValue(data, Object.class);
		return mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(tree);
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
