package ai.paid.spring.client;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns Paid's error answers and transport failures into {@link PaidApiException}s: parses the v2
 * {@code {"error": "...", "code", "details"}} and the v1 {@code {"error": {"message", "code", "details"}}} bodies,
 * keeps a snippet of a body that is not JSON, reads {@code Retry-After} and decides whether a retry may help.
 */
final class PaidErrorParser {

	static final int MAX_SNIPPET = 200;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	PaidErrorParser(JsonMapper jsonMapper, Clock clock) {
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * Whether a response with this status may succeed when sent again.
	 * @param status HTTP status, 0 for no response
	 * @return whether the status is retryable
	 */
	static boolean isRetryable(int status) {
		return PaidApiException.isRetryableStatus(status);
	}

	PaidApiException fromResponse(String call, int status, @Nullable String retryAfterHeader, String body) {
		Duration retryAfter = parseRetryAfter(retryAfterHeader);
		String error = null;
		String code = null;
		String details = null;
		boolean json = false;
		if (!body.isBlank()) {
			try {
				JsonNode root = this.jsonMapper.readTree(body);
				if (root != null && root.isObject()) {
					json = true;
					JsonNode errorNode = root.get("error");
					if (errorNode != null && errorNode.isObject()) {
						error = text(errorNode.get("message"));
						code = text(errorNode.get("code"));
						details = text(errorNode.get("details"));
					}
					else {
						error = text(errorNode);
						code = text(root.get("code"));
						details = text(root.get("details"));
					}
				}
			}
			catch (JacksonException ex) {
				// not JSON: keep a snippet of the body below
			}
		}
		StringBuilder message = new StringBuilder("Paid answered ").append(status).append(" to ").append(call);
		if (error != null) {
			message.append(": ").append(error);
			if (code != null) {
				message.append(" [code ").append(code).append(']');
			}
			if (details != null) {
				message.append(" (").append(details).append(')');
			}
		}
		else if (body.isBlank()) {
			message.append(" with an empty body");
		}
		else {
			message.append(json ? " with an unexpected JSON body: " : " with a non-JSON body: ").append(snippet(body));
		}
		return new PaidApiException(message.toString(), status, error, code, details, isRetryable(status), retryAfter,
				null);
	}

	PaidApiException fromTransportError(String call, Throwable failure) {
		String what = isTimeout(failure) ? "Timed out waiting for Paid on " : "No response from Paid to ";
		return new PaidApiException(what + call + ": " + describe(failure), 0, null, null, null, true, null, failure);
	}

	PaidApiException undecodable(String call, int status, Throwable failure) {
		return new PaidApiException(
				"Paid answered " + status + " to " + call + " with a body that could not be read: " + describe(failure),
				status, null, null, null, false, null, failure);
	}

	PaidApiException emptyBody(String call, int status) {
		return new PaidApiException("Paid answered " + status + " to " + call + " without a body", status, null, null,
				null, false, null, null);
	}

	@Nullable Duration parseRetryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return Duration.ofSeconds(Math.max(0, seconds));
		}
		catch (NumberFormatException ex) {
			// not delta-seconds, try an HTTP date
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(this.clock.instant(), at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			// Jetty: TimeoutException; JDK: HttpTimeoutException; HttpComponents: SocketTimeoutException and its
			// ConnectTimeoutException (both InterruptedIOException); Reactor Netty: its own, matched by name since
			// Netty is optional
			if (t instanceof TimeoutException || t instanceof HttpTimeoutException
					|| t instanceof InterruptedIOException || isNettyTimeout(t.getClass())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isNettyTimeout(Class<?> type) {
		for (Class<?> c = type; c != null; c = c.getSuperclass()) {
			if (c.getName().equals("io.netty.handler.timeout.TimeoutException")
					|| c.getName().equals("io.netty.channel.ConnectTimeoutException")) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		String type = root.getClass().getSimpleName();
		if (root instanceof ConnectException || root instanceof UnknownHostException) {
			return type + ": " + message;
		}
		return (message != null) ? type + ": " + snippet(message) : type;
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	static String snippet(String body) {
		String flat = body.strip().replaceAll("\\s+", " ");
		return (flat.length() <= MAX_SNIPPET) ? flat : flat.substring(0, MAX_SNIPPET) + "… (" + body.length() + " chars)";
	}

}
