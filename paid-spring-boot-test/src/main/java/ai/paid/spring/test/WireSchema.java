package ai.paid.spring.test;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The wire shape of a request object: its field names, types, which are required and which may be {@code null}.
 * Validation fails with a {@link MockApiError} (400) that names the object and the field. This is how the mock checks
 * that a client speaks Paid's exact v2 wire names.
 */
final class WireSchema {

	enum Type {

		STRING, DATE_TIME, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY

	}

	private record Field(String name, Type type, boolean required, boolean nullable, @Nullable Set<String> values,
			@Nullable WireSchema nested) {
	}

	private final String name;

	private final Map<String, Field> fields = new LinkedHashMap<>();

	private WireSchema(String name) {
		this.name = name;
	}

	static WireSchema named(String name) {
		return new WireSchema(name);
	}

	WireSchema required(String field, Type type) {
		return add(new Field(field, type, true, false, null, null));
	}

	WireSchema optional(String field, Type type) {
		return add(new Field(field, type, false, false, null, null));
	}

	WireSchema nullable(String field, Type type) {
		return add(new Field(field, type, false, true, null, null));
	}

	WireSchema optionalEnum(String field, String... values) {
		return add(new Field(field, Type.STRING, false, false, Set.of(values), null));
	}

	/** An object field validated by {@code nested}, or an array whose elements are. */
	WireSchema nested(String field, Type type, boolean required, boolean nullable, WireSchema nested) {
		return add(new Field(field, type, required, nullable, null, nested));
	}

	/** An array of strings, each one of {@code values}. */
	WireSchema enumArray(String field, String... values) {
		return add(new Field(field, Type.ARRAY, false, false, Set.of(values), null));
	}

	/** A copy of this schema under another name with every field optional (update bodies). */
	WireSchema allOptional(String newName) {
		WireSchema copy = new WireSchema(newName);
		this.fields.values()
			.forEach((f) -> copy.add(new Field(f.name, f.type, false, f.nullable, f.values, f.nested)));
		return copy;
	}

	/** A copy of this schema under another name without the given fields. */
	WireSchema without(String newName, String... removed) {
		WireSchema copy = new WireSchema(newName);
		Set<String> names = Set.of(removed);
		this.fields.values().stream().filter((f) -> !names.contains(f.name)).forEach(copy::add);
		return copy;
	}

	private WireSchema add(Field field) {
		this.fields.put(field.name, field);
		return this;
	}

	Set<String> fieldNames() {
		return Collections.unmodifiableSet(this.fields.keySet());
	}

	void validate(JsonNode node, boolean rejectUnknownFields) {
		validate(node, this.name, rejectUnknownFields);
	}

	void validate(JsonNode node, String where, boolean rejectUnknownFields) {
		if (!node.isObject()) {
			throw MockApiError.badRequest("INVALID_BODY", where + " must be a JSON object");
		}
		if (rejectUnknownFields) {
			for (String property : node.propertyNames()) {
				if (!this.fields.containsKey(property)) {
					throw MockApiError.badRequest("UNKNOWN_FIELD",
							where + " has no field '" + property + "' (known fields: " + this.fields.keySet() + ")");
				}
			}
		}
		for (Field field : this.fields.values()) {
			JsonNode value = node.get(field.name);
			String path = where + "." + field.name;
			if (value == null || value.isNull() || isBlankRequiredString(field, value)) {
				if (field.required) {
					throw MockApiError.badRequest("MISSING_REQUIRED_FIELD", path + " is required");
				}
				if (value != null && value.isNull() && !field.nullable) {
					throw MockApiError.badRequest("INVALID_FIELD", path + " must not be null");
				}
				continue;
			}
			checkType(field, value, path, rejectUnknownFields);
		}
	}

	private static boolean isBlankRequiredString(Field field, JsonNode value) {
		return field.required && field.type == Type.STRING && value.isString() && value.stringValue().isBlank();
	}

	private static void checkType(Field field, JsonNode value, String path, boolean rejectUnknownFields) {
		switch (field.type) {
			case STRING -> {
				expect(value.isString(), path, "a string");
				if (field.values != null && !field.values.contains(value.stringValue())) {
					throw MockApiError.badRequest("INVALID_FIELD", path + " must be one of " + field.values);
				}
			}
			case DATE_TIME -> {
				expect(value.isString(), path, "an RFC 3339 date-time string");
				try {
					OffsetDateTime.parse(value.stringValue());
				}
				catch (DateTimeParseException ex) {
					throw MockApiError.badRequest("INVALID_FIELD",
							path + " must be an RFC 3339 date-time with zone, got '" + value.stringValue() + "'");
				}
			}
			case INTEGER -> expect(value.isIntegralNumber(), path, "an integer");
			case NUMBER -> expect(value.isNumber(), path, "a number");
			case BOOLEAN -> expect(value.isBoolean(), path, "a boolean");
			case OBJECT -> {
				expect(value.isObject(), path, "an object");
				if (field.nested != null) {
					field.nested.validate(value, path, rejectUnknownFields);
				}
			}
			case ARRAY -> {
				expect(value.isArray(), path, "an array");
				int index = 0;
				for (Iterator<JsonNode> it = value.values().iterator(); it.hasNext(); index++) {
					JsonNode element = it.next();
					String elementPath = path + "[" + index + "]";
					if (field.nested != null) {
						field.nested.validate(element, elementPath, rejectUnknownFields);
					}
					else if (field.values != null) {
						expect(element.isString() && field.values.contains(element.stringValue()), elementPath,
								"one of " + field.values);
					}
				}
			}
		}
	}

	private static void expect(boolean condition, String path, String what) {
		if (!condition) {
			throw MockApiError.badRequest("INVALID_FIELD", path + " must be " + what);
		}
	}

}
