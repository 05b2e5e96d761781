package ai.paid.spring.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static ai.paid.spring.test.WireSchema.Type.ARRAY;
import static ai.paid.spring.test.WireSchema.Type.BOOLEAN;
import static ai.paid.spring.test.WireSchema.Type.DATE_TIME;
import static ai.paid.spring.test.WireSchema.Type.INTEGER;
import static ai.paid.spring.test.WireSchema.Type.NUMBER;
import static ai.paid.spring.test.WireSchema.Type.OBJECT;
import static ai.paid.spring.test.WireSchema.Type.STRING;

/**
 * {@code /orders}: list, create (with lines), get, update, delete, and {@code /orders/{id}/lines}. An order needs an
 * existing customer. As in Paid, the {@code Order} response has no {@code externalId} and no {@code currency}; both
 * are kept and the external id is served in the customer's state. Several orders may share an external id.
 */
final class OrderRoutes {

	/** Stored on the order, left out of the {@code Order} response. */
	static final String EXTERNAL_ID = "externalId";

	/** Stored on the order, left out of the {@code Order} response. */
	static final String CURRENCY = "currency";

	static final WireSchema PRICE_POINTS = WireSchema.named("PricePoints")
		.nullable("currency", STRING)
		.required("unitPrice", NUMBER)
		.nullable("minQuantity", NUMBER)
		.nullable("includedQuantity", NUMBER)
		.nullable("tiers", ARRAY);

	static final WireSchema PRICING = WireSchema.named("OrderLinePricing")
		.required("chargeType", STRING)
		.nested("pricePoints", OBJECT, true, false, PRICE_POINTS)
		.nullable("eventName", STRING)
		.nullable("pricingModel", STRING)
		.nullable("billingFrequency", STRING)
		.nullable("billingFrequencyCustomMonths", INTEGER)
		.nullable("billingType", STRING)
		.nullable("signalType", STRING)
		.nullable("creditsCurrencyId", STRING)
		.nullable("creditCost", NUMBER)
		.nullable("overageUnitPrice", NUMBER)
		.nullable("creditRolloverAmount", NUMBER)
		.nullable("creditBenefits", ARRAY)
		.nullable("creditUnitBrackets", ARRAY)
		.nullable("pricingInput", OBJECT);

	static final WireSchema ATTRIBUTE = WireSchema.named("OrderLineAttribute")
		.required("name", STRING)
		.optional("quantity", INTEGER)
		.nested("pricing", OBJECT, true, false, PRICING);

	static final WireSchema LINE = WireSchema.named("CreateOrderLineRequest")
		.required("productId", STRING)
		.optional("name", STRING)
		.optional("description", STRING)
		.optional("startDate", DATE_TIME)
		.optional("endDate", DATE_TIME)
		.nested("attributes", ARRAY, false, false, ATTRIBUTE);

	static final WireSchema FREQUENCY_OVERRIDE = WireSchema.named("BillingFrequencyOverride")
		.optionalEnum("frequency", "monthly", "quarterly", "semiAnnually", "annual", "custom")
		.nullable("customMonths", INTEGER);

	static final WireSchema CREATE = WireSchema.named("CreateOrderRequest")
		.required("customerId", STRING)
		.optional("billingCustomerId", STRING)
		.optional("billingContactIds", ARRAY)
		.optional("name", STRING)
		.optional("startDate", DATE_TIME)
		.optional("endDate", DATE_TIME)
		.optional("subscriptionTerms", INTEGER)
		.optionalEnum("creationState", "draft", "active")
		.optional("billingAnchor", INTEGER)
		.optional("paymentTerms", STRING)
		.optional(EXTERNAL_ID, STRING)
		.optional("metadata", OBJECT)
		.optional(CURRENCY, STRING)
		.optional("autoPostInvoices", BOOLEAN)
		.optional("autoSendBillingEmails", BOOLEAN)
		.optional("autoSendPaymentEmails", BOOLEAN)
		.nested("lines", ARRAY, false, false, LINE)
		.nested("billingFrequencyOverride", OBJECT, false, false, FREQUENCY_OVERRIDE)
		.nullable("purchaseOrderReference", STRING);

	static final WireSchema UPDATE = CREATE
		.without("UpdateOrderRequest", "customerId", CURRENCY, "lines", "billingFrequencyOverride")
		.allOptional("UpdateOrderRequest");

	private static final List<String> MONEY_FIELDS = List.of("billedAmountNoTax", "billedTax", "estimatedTax",
			"orderAmount", "pendingBillingAmount", "totalAmount", "totalBilledAmount");

	private final MockPaidStore store;

	private final MockSettings settings;

	OrderRoutes(MockPaidStore store, MockSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	MockResponse handle(MockRequest request) {
		if (request.isCollection()) {
			switch (request.method()) {
				case "GET":
					return MockResponse.ok(MockPages.page(request, this.store.orders.list(), OrderRoutes::wire));
				case "POST":
					return create(request.json());
				default:
					throw request.methodNotAllowed();
			}
		}
		String id = request.segment(1);
		if (request.size() == 3 && request.segment(2).equals("lines")) {
			if (!request.method().equals("GET")) {
				throw request.methodNotAllowed();
			}
			find(id);
			List<ObjectNode> lines = this.store.orderLines.getOrDefault(id, List.of());
			return MockResponse.ok(MockPages.page(request, lines, (line) -> line));
		}
		if (request.size() != 2) {
			throw MockApiError.notFound("no such route");
		}
		ObjectNode order = find(id);
		switch (request.method()) {
			case "GET":
				return MockResponse.ok(wire(order));
			case "PUT":
				return MockResponse.ok(wire(update(id, request.json())));
			case "DELETE":
				this.store.orders.remove(id);
				this.store.orderLines.remove(id);
				return MockResponse.ok(MockJson.object());
			default:
				throw request.methodNotAllowed();
		}
	}

	private ObjectNode find(String id) {
		ObjectNode order = this.store.orders.get(id);
		if (order == null) {
			throw MockApiError.notFound("order " + id + " not found");
		}
		return order;
	}

	private MockResponse create(ObjectNode body) {
		CREATE.validate(body, this.settings.rejectUnknownFields);
		this.store.requireCustomer(body.get("customerId").stringValue(), "CreateOrderRequest");
		ObjectNode order = this.store.orders.insert((id, sequence) -> newOrder(id, sequence, body));
		this.store.orderLines.put(order.get("id").stringValue(), newLines(order, body.get("lines")));
		return MockResponse.created(wire(order));
	}

	private static ObjectNode newOrder(String id, long sequence, ObjectNode body) {
		String now = MockJson.now();
		ObjectNode order = MockJson.object();
		order.put("id", id);
		order.put("customerId", body.get("customerId").stringValue());
		order.set("billingCustomerId", MockJson.valueOrNull(body, "billingCustomerId"));
		JsonNode contacts = body.get("billingContactIds");
		order.set("billingContactIds", (contacts != null) ? contacts : MockJson.MAPPER.createArrayNode());
		order.put("name", MockJson.stringOr(body, "name", ""));
		order.put("number", sequence);
		order.put("version", 1);
		order.put("startDate", MockJson.stringOr(body, "startDate", now));
		order.set("endDate", MockJson.valueOrNull(body, "endDate"));
		order.set("subscriptionTerms", MockJson.valueOrNull(body, "subscriptionTerms"));
		order.put("creationState", MockJson.stringOr(body, "creationState", "draft"));
		order.set("billingAnchor", MockJson.valueOrNull(body, "billingAnchor"));
		order.set("paymentTerms", MockJson.valueOrNull(body, "paymentTerms"));
		order.set("metadata", MockJson.valueOrNull(body, "metadata"));
		MONEY_FIELDS.forEach((field) -> order.put(field, 0));
		order.set("autoPostInvoices", MockJson.valueOrNull(body, "autoPostInvoices"));
		order.set("autoSendBillingEmails", MockJson.valueOrNull(body, "autoSendBillingEmails"));
		order.set("autoSendPaymentEmails", MockJson.valueOrNull(body, "autoSendPaymentEmails"));
		order.putNull("showPaymentLink");
		order.putNull("showBankDetails");
		order.set("billingFrequencyOverride", MockJson.valueOrNull(body, "billingFrequencyOverride"));
		order.put("billingFrequencyOverridden", body.has("billingFrequencyOverride"));
		order.set("purchaseOrderReference", MockJson.valueOrNull(body, "purchaseOrderReference"));
		order.put("createdAt", now);
		order.put("updatedAt", now);
		order.set(EXTERNAL_ID, MockJson.valueOrNull(body, EXTERNAL_ID));
		order.set(CURRENCY, MockJson.valueOrNull(body, CURRENCY));
		return order;
	}

	private static List<ObjectNode> newLines(ObjectNode order, @Nullable JsonNode lines) {
		List<ObjectNode> result = new ArrayList<>();
		if (lines == null || !lines.isArray()) {
			return List.of();
		}
		for (JsonNode line : lines.values()) {
			ObjectNode created = MockJson.object();
			created.put("id", MockIds.next("line_"));
			created.set("productId", line.get("productId"));
			created.put("name", MockJson.stringOr((ObjectNode) line, "name", ""));
			created.set("description", MockJson.valueOrNull((ObjectNode) line, "description"));
			created.put("startDate", MockJson.stringOr((ObjectNode) line, "startDate",
					order.get("startDate").stringValue()));
			created.set("endDate", MockJson.valueOrNull((ObjectNode) line, "endDate"));
			result.add(created);
		}
		return List.copyOf(result);
	}

	private ObjectNode update(String id, ObjectNode body) {
		UPDATE.validate(body, this.settings.rejectUnknownFields);
		ObjectNode updated = this.store.orders.update(id, (node) -> {
			MockJson.applyUpdate(body, node, UPDATE.fieldNames());
			node.put("version", node.get("version").asInt() + 1);
		});
		if (updated == null) {
			throw MockApiError.notFound("order " + id + " not found");
		}
		return updated;
	}

	/** The {@code Order} as Paid returns it: without externalId and currency. */
	static ObjectNode wire(JsonNode order) {
		ObjectNode copy = ((ObjectNode) order).deepCopy();
		copy.remove(EXTERNAL_ID);
		copy.remove(CURRENCY);
		return copy;
	}

}
