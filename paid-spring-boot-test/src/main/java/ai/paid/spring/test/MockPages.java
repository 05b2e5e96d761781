package ai.paid.spring.test;

import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds v2 list responses: {@code {"data": [...], "pagination": {limit, offset, total, hasMore}}}.
 */
final class MockPages {

	static final int DEFAULT_LIMIT = 100;

	private MockPages() {
	}

	static ObjectNode page(MockRequest request, List<? extends JsonNode> all, Function<JsonNode, JsonNode> view) {
		int limit = intParameter(request, "limit", DEFAULT_LIMIT);
		int offset = intParameter(request, "offset", 0);
		ObjectNode page = MockJson.object();
		ArrayNode data = page.putArray("data");
		int end = (int) Math.min((long) offset + limit, all.size());
		for (int i = offset; i < end; i++) {
			data.add(view.apply(all.get(i)));
		}
		ObjectNode pagination = page.putObject("pagination");
		pagination.put("limit", limit);
		pagination.put("offset", offset);
		pagination.put("total", all.size());
		pagination.put("hasMore", end < all.size());
		return page;
	}

	private static int intParameter(MockRequest request, String name, int defaultValue) {
		String value = request.parameter(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			int parsed = Integer.parseInt(value);
			if (parsed < 0) {
				throw new NumberFormatException();
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw MockApiError.badRequest("INVALID_PARAMETER", name + " must be a non-negative integer");
		}
	}

}
