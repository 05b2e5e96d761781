package ai.paid.spring.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static ai.paid.spring.test.WireSchema.Type.OBJECT;
import static ai.paid.spring.test.WireSchema.Type.STRING;

/**
 * The customer routes of paid-api.md §10.3 and §10.4: {@code PUT /customers/{customerExternalId}/users/{userExternalId}}
 * (an upsert answering {@code CustomerUser} with {@code created}; 404 when the customer external id is unknown) and
 * {@code GET /customers/{id}/credits/balances} / {@code GET /customers/external/{externalId}/credits/balances}
 * ({@code {"data": CreditBalance[]}}, no pagination; balances are seeded with
 * {@link MockPaidServer#seedCreditBalance}).
 */
final class CustomerUserRoutes {

	static final WireSchema UPSERT = WireSchema.named("UpsertCustomerUserRequest")
		.optional("name", STRING)
		.nullable("email", STRING)
		.nullable("metadata", OBJECT)
		.optionalEnum("status", "active", "deactivated");

	private final MockPaidStore store;

	private final MockSettings settings;

	CustomerUserRoutes(MockPaidStore store, MockSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	MockResponse upsert(MockRequest request, String customerExternalId, String userExternalId) {
		if (!request.method().equals("PUT")) {
			throw request.methodNotAllowed();
		}
		ObjectNode body = request.json();
		UPSERT.validate(body, this.settings.rejectUnknownFields);
		this.store.customers.require("customer", customerExternalId, true);
		String key = customerExternalId + "/" + userExternalId;
		synchronized (this.store.users) {
			ObjectNode existing = this.store.users.get(key);
			String now = MockJson.now();
			ObjectNode user = (existing != null) ? existing.deepCopy() : MockJson.object();
			if (existing == null) {
				user.put("id", MockIds.next("cu_"));
				user.put("externalId", userExternalId);
				user.put("customerExternalId", customerExternalId);
				user.putNull("name");
				user.putNull("email");
				user.putNull("metadata");
				user.put("status", "active");
				user.put("createdAt", now);
			}
			for (String field : UPSERT.fieldNames()) {
				JsonNode value = body.get(field);
				if (value != null) {
					user.set(field, value);
				}
			}
			user.put("updatedAt", now);
			this.store.users.put(key, user);
			ObjectNode response = user.deepCopy();
			response.put("created", existing == null);
			return MockResponse.ok(response);
		}
	}

	MockResponse creditBalances(MockRequest request, ObjectNode customer) {
		if (!request.method().equals("GET")) {
			throw request.methodNotAllowed();
		}
		ObjectNode response = MockJson.object();
		ArrayNode data = response.putArray("data");
		this.store.creditBalances.getOrDefault(customer.get("id").stringValue(), java.util.List.of())
			.forEach(data::add);
		return MockResponse.ok(response);
	}

}
