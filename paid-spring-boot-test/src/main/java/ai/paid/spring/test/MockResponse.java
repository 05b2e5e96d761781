package ai.paid.spring.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A response the mock is about to send.
 *
 * @param status the status code
 * @param body the JSON body
 * @param headers extra headers
 */
record MockResponse(int status, JsonNode body, Map<String, String> headers) {

	static MockResponse ok(JsonNode body) {
		return new MockResponse(200, body, Map.of());
	}

	static MockResponse created(JsonNode body) {
		return new MockResponse(201, body, Map.of());
	}

	static MockResponse json(int status, JsonNode body) {
		return new MockResponse(status, body, Map.of());
	}

	static MockResponse error(int status, String error, String code, String details,
			@Nullable String retryAfterSeconds) {
		Map<String, String> headers = (retryAfterSeconds != null) ? Map.of("Retry-After", retryAfterSeconds)
				: Map.of();
		return new MockResponse(status, MockJson.error(error, code, details), headers);
	}

}
