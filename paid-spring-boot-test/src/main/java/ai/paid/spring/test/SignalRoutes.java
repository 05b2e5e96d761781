package ai.paid.spring.test;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static ai.paid.spring.test.WireSchema.Type.ARRAY;
import static ai.paid.spring.test.WireSchema.Type.DATE_TIME;
import static ai.paid.spring.test.WireSchema.Type.OBJECT;
import static ai.paid.spring.test.WireSchema.Type.STRING;

/**
 * {@code POST /signals/bulk}. A malformed batch is rejected whole with 400. Otherwise each signal is ingested, or
 * counted as a duplicate when its {@code idempotencyKey} was seen before (in this or an earlier batch), or counted as
 * failed when the "unknown customers fail" switch is on and its customer does not exist.
 */
final class SignalRoutes {

	static final WireSchema CUSTOMER = WireSchema.named("SignalCustomer")
		.optional("customerId", STRING)
		.optional("externalCustomerId", STRING);

	static final WireSchema ATTRIBUTION = WireSchema.named("SignalAttribution")
		.optional("productId", STRING)
		.optional("externalProductId", STRING);

	static final WireSchema SIGNAL = WireSchema.named("Signal")
		.required("eventName", STRING)
		.nested("customer", OBJECT, true, false, CUSTOMER)
		.nested("attribution", OBJECT, false, true, ATTRIBUTION)
		.nullable("timestamp", DATE_TIME)
		.nullable("data", OBJECT)
		.nullable("idempotencyKey", STRING);

	static final WireSchema BULK = WireSchema.named("BulkSignalsRequest").nested("signals", ARRAY, true, false, SIGNAL);

	private final MockPaidStore store;

	private final MockSettings settings;

	SignalRoutes(MockPaidStore store, MockSettings settings) {
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
		List<JsonNode> signals = List.copyOf(body.get("signals").values());
		for (int i = 0; i < signals.size(); i++) {
			JsonNode signal = signals.get(i);
			exactlyOne(signal.get("customer"), "Signal[" + i + "].customer", "customerId", "externalCustomerId");
			JsonNode attribution = signal.get("attribution");
			if (attribution != null && !attribution.isNull()) {
				exactlyOne(attribution, "Signal[" + i + "].attribution", "productId", "externalProductId");
			}
		}
		int ingested = 0;
		int duplicates = 0;
		int failed = 0;
		for (JsonNode signal : signals) {
			JsonNode key = signal.get("idempotencyKey");
			if (this.settings.failSignalsForUnknownCustomers && !customerExists(signal.get("customer"))) {
				failed++;
			}
			else if (key != null && key.isString() && !this.store.signalIdempotencyKeys.add(key.stringValue())) {
				duplicates++;
			}
			else {
				this.store.signals.add((ObjectNode) signal);
				ingested++;
			}
		}
		ObjectNode response = MockJson.object();
		response.put("ingested", ingested);
		response.put("duplicates", duplicates);
		response.put("failed", failed);
		return MockResponse.ok(response);
	}

	private boolean customerExists(JsonNode customer) {
		JsonNode id = customer.get("customerId");
		if (id != null) {
			return this.store.customers.get(id.stringValue()) != null;
		}
		return this.store.customers.getByExternalId(customer.get("externalCustomerId").stringValue()) != null;
	}

	static void exactlyOne(JsonNode node, String where, String first, String second) {
		boolean hasFirst = isNonBlankString(node.get(first));
		boolean hasSecond = isNonBlankString(node.get(second));
		if (hasFirst == hasSecond) {
			throw MockApiError.badRequest("INVALID_FIELD",
					where + " must have exactly one of '" + first + "' or '" + second + "'");
		}
	}

	private static boolean isNonBlankString(JsonNode value) {
		return value != null && value.isString() && !value.stringValue().isBlank();
	}

}
