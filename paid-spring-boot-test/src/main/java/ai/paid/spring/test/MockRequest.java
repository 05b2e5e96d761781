package ai.paid.spring.test;

import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request as the routes see it: method, decoded path segments, query parameters and the body.
 */
final class MockRequest {

	private final String method;

	private final List<String> segments;

	private final String query;

	private final String body;

	private @Nullable Map<String, List<String>> parameters;

	MockRequest(String method, List<String> segments, String query, String body) {
		this.method = method;
		this.segments = segments;
		this.query = query;
		this.body = body;
	}

	String method() {
		return this.method;
	}

	int size() {
		return this.segments.size();
	}

	String segment(int index) {
		return this.segments.get(index);
	}

	/** Whether the path is just the collection, e.g. {@code /customers} or {@code /customers/}. */
	boolean isCollection() {
		return this.segments.size() == 1 || (this.segments.size() == 2 && this.segments.get(1).isEmpty());
	}

	@Nullable String parameter(String name) {
		Map<String, List<String>> params = this.parameters;
		if (params == null) {
			params = new QueryStringDecoder(this.query, false).parameters();
			this.parameters = params;
		}
		List<String> values = params.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** The body as a JSON object; 400 if it is missing or not JSON. */
	ObjectNode json() {
		if (this.body.isBlank()) {
			throw MockApiError.badRequest("INVALID_BODY", "a JSON request body is required");
		}
		JsonNode node;
		try {
			node = MockJson.MAPPER.readTree(this.body);
		}
		catch (JacksonException ex) {
			throw MockApiError.badRequest("INVALID_JSON", "the request body is not valid JSON");
		}
		if (!(node instanceof ObjectNode object)) {
			throw MockApiError.badRequest("INVALID_BODY", "the request body must be a JSON object");
		}
		return object;
	}

	MockApiError methodNotAllowed() {
		return new MockApiError(405, "Method Not Allowed", "METHOD_NOT_ALLOWED",
				this.method + " is not supported on this route");
	}

}
