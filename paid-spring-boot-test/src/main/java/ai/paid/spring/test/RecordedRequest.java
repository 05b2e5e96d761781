package ai.paid.spring.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request received by {@link MockPaidServer}, as it arrived on the wire.
 * <p>
 * {@link #toString()} masks the {@code Authorization} header so a recorded API key never ends up in a test report.
 *
 * @param method the HTTP method, upper case
 * @param path the raw request path, including the {@code /api/v2} prefix, without the query
 * @param query the raw query string without the {@code ?}, {@code ""} if none
 * @param headers the request headers; lookups are case-insensitive
 * @param body the request body as UTF-8 text, {@code ""} if none
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
		String body) {

	/**
	 * Return the path relative to {@link MockPaidServer#baseUrl()}, e.g. {@code /customers/}.
	 * @return the relative path
	 */
	public String relativePath() {
		return MockPaths.relative(this.path);
	}

	/**
	 * Return the first value of a header.
	 * @param name the header name (any case)
	 * @return the value, or {@code null} if absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Parse the body as JSON.
	 * @return the JSON tree (a missing node for an empty body)
	 * @throws tools.jackson.core.JacksonException if the body is not JSON
	 */
	public JsonNode jsonBody() {
		return this.body.isEmpty() ? MockJson.MAPPER.missingNode() : MockJson.MAPPER.readTree(this.body);
	}

	@Override
	public String toString() {
		String query = this.query.isEmpty() ? "" : "?" + this.query;
		String auth = (header("Authorization") != null) ? " Authorization=<masked>" : "";
		return this.method + " " + this.path + query + auth + " " + this.body;
	}

}
