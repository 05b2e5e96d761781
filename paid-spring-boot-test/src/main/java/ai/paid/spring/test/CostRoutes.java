package ai.paid.spring.test;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static ai.paid.spring.test.WireSchema.Type.ARRAY;
import static ai.paid.spring.test.WireSchema.Type.DATE_TIME;
import static ai.paid.spring.test.WireSchema.Type.INTEGER;
import static ai.paid.spring.test.WireSchema.Type.NUMBER;
import static ai.paid.spring.test.WireSchema.Type.OBJECT;
import static ai.paid.spring.test.WireSchema.Type.STRING;

/**
 * {@code POST /costs/bulk}: {@code {"costs": [...]}}, each cost tagged by {@code type}: {@code "cost"} (money:
 * {@code amount} and {@code currency} required) or {@code "usage"} ({@code vendor}, {@code model} and {@code usage}
 * required). As in Paid the batch is all-or-nothing: one malformed cost rejects the whole request with 400 and
 * nothing is stored. The answer is {@code {"ingested", "duplicates"}}; costs have no idempotency key, so
 * {@code duplicates} is always 0.
 */
final class CostRoutes {

	static final WireSchema TOKEN_USAGE = WireSchema.named("TokenUsage")
		.optional("inputTokens", INTEGER)
		.optional("outputTokens", INTEGER)
		.optional("cacheReadInputTokens", INTEGER)
		.optional("cacheCreationInputTokens", INTEGER)
		.optional("reasoningOutputTokens", INTEGER);

	static final WireSchema COST_OVERRIDE = WireSchema.named("CostOverride")
		.required("amount", NUMBER)
		.required("currency", STRING);

	static final WireSchema PRECOMPUTED = WireSchema.named("PrecomputedCost")
		.required("type", STRING)
		.nested("customer", OBJECT, true, false, SignalRoutes.CUSTOMER)
		.nested("product", OBJECT, false, true, SignalRoutes.ATTRIBUTION)
		.nullable("timestamp", DATE_TIME)
		.nullable("metadata", OBJECT)
		.required("amount", NUMBER)
		.required("currency", STRING)
		.nullable("vendor", STRING)
		.nullable("model", STRING);

	static final WireSchema USAGE = WireSchema.named("UsageCost")
		.required("type", STRING)
		.nested("customer", OBJECT, true, false, SignalRoutes.CUSTOMER)
		.nested("product", OBJECT, false, true, SignalRoutes.ATTRIBUTION)
		.nullable("timestamp", DATE_TIME)
		.nullable("metadata", OBJECT)
		.required("vendor", STRING)
		.required("model", STRING)
		.nested("usage", OBJECT, true, false, TOKEN_USAGE)
		.nested("costOverride", OBJECT, false, true, COST_OVERRIDE);

	static final WireSchema BULK = WireSchema.named("CostIngestRequest").required("costs", ARRAY);

	private final MockPaidStore store;

	private final MockSettings settings;

	CostRoutes(MockPaidStore store, MockSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	MockResponse handle(MockRequest request) {
		if (request.size() != 2 || !request.segment(1).equals("bulk")) {
			throw MockApiError.notFound("no such route");
		}
		if (!request.method().equals("POST")) {
			throw request.methodNotAllowed();
		}
		ObjectNode body = request.json();
		BULK.validate(body, this.settings.rejectUnknownFields);
		List<JsonNode> costs = List.copyOf(body.get("costs").values());
		for (int i = 0; i < costs.size(); i++) {
			validate(costs.get(i), "Cost[" + i + "]");
		}
		for (JsonNode cost : costs) {
			this.store.costs.add((ObjectNode) cost);
		}
		ObjectNode response = MockJson.object();
		response.put("ingested", costs.size());
		response.put("duplicates", 0);
		return MockResponse.ok(response);
	}

	private void validate(JsonNode cost, String where) {
		if (!cost.isObject()) {
			throw MockApiError.badRequest("INVALID_BODY", where + " must be a JSON object");
		}
		String type = MockJson.stringOr(cost, "type", "");
		WireSchema schema = switch (type) {
			case "cost" -> PRECOMPUTED;
			case "usage" -> USAGE;
			default -> throw MockApiError.badRequest("INVALID_FIELD",
					where + ".type must be 'cost' or 'usage', got '" + type + "'");
		};
		schema.validate(cost, where, this.settings.rejectUnknownFields);
		SignalRoutes.exactlyOne(cost.get("customer"), where + ".customer", "customerId", "externalCustomerId");
		JsonNode product = cost.get("product");
		if (product != null && !product.isNull()) {
			SignalRoutes.exactlyOne(product, where + ".product", "productId", "externalProductId");
		}
		if (type.equals("cost")) {
			String currency = cost.get("currency").stringValue();
			if (!currency.matches("[A-Z]{3}")) {
				throw MockApiError.badRequest("INVALID_FIELD",
						where + ".currency must be an ISO 4217 code, got '" + currency + "'");
			}
			if (cost.get("amount").decimalValue().signum() < 0) {
				throw MockApiError.badRequest("INVALID_FIELD", where + ".amount must not be negative");
			}
		}
		else {
			for (JsonNode count : cost.get("usage").values()) {
				if (count.isIntegralNumber() && count.longValue() < 0) {
					throw MockApiError.badRequest("INVALID_FIELD", where + ".usage counts must not be negative");
				}
			}
		}
	}

}
