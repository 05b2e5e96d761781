package ai.paid.spring.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static ai.paid.spring.test.WireSchema.Type.OBJECT;
import static ai.paid.spring.test.WireSchema.Type.STRING;

/**
 * {@code /contacts}: list, create, get, update, delete by id and by external id. A contact needs an existing
 * customer.
 */
final class ContactRoutes {

	static final WireSchema ADDRESS = WireSchema.named("ContactBillingAddress")
		.optional("street", STRING)
		.optional("city", STRING)
		.optional("state", STRING)
		.optional("country", STRING)
		.optional("zipCode", STRING);

	static final WireSchema CREATE = WireSchema.named("CreateContactRequest")
		.required("customerId", STRING)
		.required("email", STRING)
		.optional("firstName", STRING)
		.optional("lastName", STRING)
		.nullable("phone", STRING)
		.nested("billingAddress", OBJECT, false, true, ADDRESS)
		.nullable("externalId", STRING)
		.enumArray("roles", "BILLING", "ACCOUNTS_PAYABLE");

	static final WireSchema UPDATE = CREATE.allOptional("UpdateContactRequest");

	private final MockPaidStore store;

	private final MockSettings settings;

	private final ExternalIdConflicts conflicts;

	ContactRoutes(MockPaidStore store, MockSettings settings, ExternalIdConflicts conflicts) {
		this.store = store;
		this.settings = settings;
		this.conflicts = conflicts;
	}

	MockResponse handle(MockRequest request) {
		if (request.isCollection()) {
			switch (request.method()) {
				case "GET":
					return MockResponse.ok(MockPages.page(request, this.store.contacts.list(), (c) -> c));
				case "POST":
					return create(request.json());
				default:
					throw request.methodNotAllowed();
			}
		}
		boolean external = request.segment(1).equals("external") && request.size() >= 3;
		int idIndex = external ? 2 : 1;
		if (request.size() != idIndex + 1) {
			throw MockApiError.notFound("no such route");
		}
		String key = request.segment(idIndex);
		ObjectNode contact = this.store.contacts.require("contact", key, external);
		String id = contact.get("id").stringValue();
		switch (request.method()) {
			case "GET":
				return MockResponse.ok(contact);
			case "PUT":
				return MockResponse.ok(update(id, request.json()));
			case "DELETE":
				this.store.contacts.remove(id);
				return MockResponse.ok(MockJson.object());
			default:
				throw request.methodNotAllowed();
		}
	}

	private MockResponse create(ObjectNode body) {
		CREATE.validate(body, this.settings.rejectUnknownFields);
		this.store.requireCustomer(body.get("customerId").stringValue(), "CreateContactRequest");
		return this.conflicts.create(this.store.contacts, "contact", (id, sequence) -> {
			String now = MockJson.now();
			ObjectNode contact = MockJson.object();
			contact.put("id", id);
			contact.put("customerId", body.get("customerId").stringValue());
			contact.set("externalId", MockJson.valueOrNull(body, "externalId"));
			contact.put("firstName", MockJson.stringOr(body, "firstName", ""));
			contact.put("lastName", MockJson.stringOr(body, "lastName", ""));
			contact.put("email", body.get("email").stringValue());
			contact.set("phone", MockJson.valueOrNull(body, "phone"));
			contact.set("billingAddress", MockJson.valueOrNull(body, "billingAddress"));
			JsonNode roles = body.get("roles");
			contact.set("roles", (roles != null) ? roles : MockJson.MAPPER.createArrayNode());
			contact.put("createdAt", now);
			contact.put("updatedAt", now);
			return contact;
		}, (c) -> c);
	}

	private ObjectNode update(String id, ObjectNode body) {
		UPDATE.validate(body, this.settings.rejectUnknownFields);
		JsonNode customerId = body.get("customerId");
		if (customerId != null && customerId.isString()) {
			this.store.requireCustomer(customerId.stringValue(), "UpdateContactRequest");
		}
		try {
			ObjectNode updated = this.store.contacts.update(id,
					(node) -> MockJson.applyUpdate(body, node, UPDATE.fieldNames()));
			if (updated == null) {
				throw MockApiError.notFound("contact " + id + " not found");
			}
			return updated;
		}
		catch (EntityTable.DuplicateExternalIdException ex) {
			throw this.conflicts.conflict("contact", ex.existing());
		}
	}

}
