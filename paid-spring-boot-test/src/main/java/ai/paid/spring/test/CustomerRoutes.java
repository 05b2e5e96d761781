package ai.paid.spring.test;

import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static ai.paid.spring.test.WireSchema.Type.DATE_TIME;
import static ai.paid.spring.test.WireSchema.Type.OBJECT;
import static ai.paid.spring.test.WireSchema.Type.STRING;

/**
 * {@code /customers}: list, create, get, update, delete by id and by external id, and customer state.
 * <p>
 * Deleting a customer that still has contacts or orders is allowed; they stay (Paid does not document this case).
 */
final class CustomerRoutes {

	static final WireSchema ADDRESS = WireSchema.named("CustomerBillingAddress")
		.optional("line1", STRING)
		.optional("line2", STRING)
		.optional("city", STRING)
		.optional("state", STRING)
		.optional("zipCode", STRING)
		.optional("country", STRING);

	static final WireSchema CREATE = WireSchema.named("CreateCustomerRequest")
		.required("name", STRING)
		.nullable("legalName", STRING)
		.optional("email", STRING)
		.optional("phone", STRING)
		.optional("website", STRING)
		.nullable("externalId", STRING)
		.nested("billingAddress", OBJECT, false, true, ADDRESS)
		.optionalEnum("creationState", "draft", "active")
		.nullable("vatNumber", STRING)
		.nullable("metadata", OBJECT)
		.optional("defaultCurrency", STRING);

	static final WireSchema UPDATE = CREATE.without("UpdateCustomerRequest", "defaultCurrency")
		.allOptional("UpdateCustomerRequest")
		.nullable("churnDate", DATE_TIME);

	private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

	private final MockPaidStore store;

	private final MockSettings settings;

	private final ExternalIdConflicts conflicts;

	private final CustomerUserRoutes users;

	CustomerRoutes(MockPaidStore store, MockSettings settings, ExternalIdConflicts conflicts) {
		this.store = store;
		this.settings = settings;
		this.conflicts = conflicts;
		this.users = new CustomerUserRoutes(store, settings);
	}

	MockResponse handle(MockRequest request) {
		if (request.isCollection()) {
			switch (request.method()) {
				case "GET":
					return MockResponse.ok(MockPages.page(request, this.store.customers.list(), (c) -> c));
				case "POST":
					return create(request.json());
				default:
					throw request.methodNotAllowed();
			}
		}
		boolean external = request.segment(1).equals("external") && request.size() >= 3;
		int idIndex = external ? 2 : 1;
		String key = request.segment(idIndex);
		if (!external && request.size() == 4 && request.segment(2).equals("users")) {
			return this.users.upsert(request, key, request.segment(3));
		}
		if (request.size() == idIndex + 3 && request.segment(idIndex + 1).equals("credits")
				&& request.segment(idIndex + 2).equals("balances")) {
			return this.users.creditBalances(request, find(key, external));
		}
		if (request.size() == idIndex + 2 && request.segment(idIndex + 1).equals("state")) {
			if (!request.method().equals("GET")) {
				throw request.methodNotAllowed();
			}
			return MockResponse.ok(state(find(key, external)));
		}
		if (request.size() != idIndex + 1) {
			throw MockApiError.notFound("no such route");
		}
		ObjectNode customer = find(key, external);
		switch (request.method()) {
			case "GET":
				return MockResponse.ok(customer);
			case "PUT":
				return MockResponse.ok(update(customer, request.json()));
			case "DELETE":
				this.store.customers.remove(customer.get("id").stringValue());
				return MockResponse.ok(MockJson.object());
			default:
				throw request.methodNotAllowed();
		}
	}

	private ObjectNode find(String key, boolean external) {
		return this.store.customers.require("customer", key, external);
	}

	MockResponse create(ObjectNode body) {
		CREATE.validate(body, this.settings.rejectUnknownFields);
		JsonNode currency = body.get("defaultCurrency");
		if (currency != null && !CURRENCY.matcher(currency.stringValue()).matches()) {
			throw MockApiError.badRequest("INVALID_FIELD",
					"CreateCustomerRequest.defaultCurrency must be an ISO 4217 code like USD");
		}
		return this.conflicts.create(this.store.customers, "customer", (id, sequence) -> {
			String now = MockJson.now();
			ObjectNode customer = MockJson.object();
			customer.put("id", id);
			customer.set("externalId", MockJson.valueOrNull(body, "externalId"));
			customer.put("name", body.get("name").stringValue());
			customer.set("legalName", MockJson.valueOrNull(body, "legalName"));
			customer.put("email", MockJson.stringOr(body, "email", ""));
			customer.put("phone", MockJson.stringOr(body, "phone", ""));
			customer.put("website", MockJson.stringOr(body, "website", ""));
			customer.set("billingAddress", MockJson.valueOrNull(body, "billingAddress"));
			customer.put("creationState", MockJson.stringOr(body, "creationState", "active"));
			customer.put("defaultCurrency", MockJson.stringOr(body, "defaultCurrency", "USD"));
			customer.set("vatNumber", MockJson.valueOrNull(body, "vatNumber"));
			customer.putNull("churnDate");
			customer.set("metadata", MockJson.valueOrNull(body, "metadata"));
			customer.put("createdAt", now);
			customer.put("updatedAt", now);
			return customer;
		}, (c) -> c);
	}

	private ObjectNode update(ObjectNode customer, ObjectNode body) {
		UPDATE.validate(body, this.settings.rejectUnknownFields);
		try {
			ObjectNode updated = this.store.customers.update(customer.get("id").stringValue(),
					(node) -> MockJson.applyUpdate(body, node, UPDATE.fieldNames()));
			if (updated == null) {
				throw MockApiError.notFound("customer " + customer.get("id").stringValue() + " not found");
			}
			return updated;
		}
		catch (EntityTable.DuplicateExternalIdException ex) {
			throw this.conflicts.conflict("customer", ex.existing());
		}
	}

	private ObjectNode state(ObjectNode customer) {
		String customerId = customer.get("id").stringValue();
		ObjectNode state = MockJson.object();
		ObjectNode summary = state.putObject("customer");
		summary.set("id", customer.get("id"));
		summary.set("name", customer.get("name"));
		summary.set("externalId", customer.get("externalId"));
		summary.set("billingAddress", customer.get("billingAddress"));
		state.set("defaultCurrency", customer.get("defaultCurrency"));
		ArrayNode orders = state.putArray("orders");
		for (ObjectNode order : this.store.orders.list()) {
			if (customerId.equals(order.get("customerId").stringValue())) {
				ObjectNode entry = orders.addObject();
				entry.set("id", order.get("id"));
				entry.set("name", order.get("name"));
				entry.set("state", order.get("creationState"));
				JsonNode currency = order.get(OrderRoutes.CURRENCY);
				entry.set("currency", (currency != null && !currency.isNull()) ? currency
						: customer.get("defaultCurrency"));
				entry.set("startDate", order.get("startDate"));
				entry.set("externalId", order.get(OrderRoutes.EXTERNAL_ID));
				entry.set("endDate", order.get("endDate"));
				entry.putNull("effectiveUntil");
			}
		}
		ObjectNode seats = state.putObject("seats");
		seats.put("total", 0);
		seats.put("assigned", 0);
		seats.put("unassigned", 0);
		seats.putArray("data");
		state.putArray("checkoutLinks");
		ArrayNode balances = state.putObject("credits").putArray("balances");
		this.store.creditBalances.getOrDefault(customerId, java.util.List.of()).forEach(balances::add);
		state.put("timestamp", MockJson.now());
		return state;
	}

}
