package ai.paid.spring.test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mock's JSON mapper and small JSON helpers.
 */
final class MockJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private MockJson() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static String now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
	}

	static ObjectNode error(String error, String code, String details) {
		ObjectNode node = object();
		node.put("error", error);
		node.put("code", code);
		node.put("details", details);
		return node;
	}

	static Map<String, Object> toMap(JsonNode node) {
		return MAPPER.convertValue(node, MAP);
	}

	static List<Map<String, Object>> toMaps(List<? extends JsonNode> nodes) {
		return nodes.stream().map(MockJson::toMap).toList();
	}

	/** The field's value, or JSON {@code null} when absent. */
	static JsonNode valueOrNull(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		return (value != null) ? value : MAPPER.nullNode();
	}

	/** The field's string value, or {@code defaultValue} when absent or not a string. */
	static String stringOr(JsonNode body, String field, String defaultValue) {
		JsonNode value = body.get(field);
		return (value != null && value.isString()) ? value.stringValue() : defaultValue;
	}

	/** Copy the fields of {@code body} named in {@code known} onto {@code target} and touch {@code updatedAt}. */
	static void applyUpdate(ObjectNode body, ObjectNode target, Set<String> known) {
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			if (known.contains(field.getKey())) {
				target.set(field.getKey(), field.getValue());
			}
		}
		target.put("updatedAt", now());
	}

	static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

}
