package ai.paid.spring.test;

import tools.jackson.databind.node.ObjectNode;

import static ai.paid.spring.test.WireSchema.Type.BOOLEAN;
import static ai.paid.spring.test.WireSchema.Type.OBJECT;
import static ai.paid.spring.test.WireSchema.Type.STRING;

/**
 * {@code /products}: list, create, get by id and by external id. Tests usually seed products with
 * {@link MockPaidServer#seedProduct(String, String)}.
 */
final class ProductRoutes {

	static final WireSchema CREATE = WireSchema.named("CreateProductRequest")
		.required("name", STRING)
		.nullable("description", STRING)
		.optional("active", BOOLEAN)
		.nullable("productCode", STRING)
		.nullable("externalId", STRING)
		.nullable("metadata", OBJECT);

	private final MockPaidStore store;

	private final MockSettings settings;

	private final ExternalIdConflicts conflicts;

	ProductRoutes(MockPaidStore store, MockSettings settings, ExternalIdConflicts conflicts) {
		this.store = store;
		this.settings = settings;
		this.conflicts = conflicts;
	}

	MockResponse handle(MockRequest request) {
		if (request.isCollection()) {
			switch (request.method()) {
				case "GET":
					return MockResponse.ok(MockPages.page(request, this.store.products.list(), (p) -> p));
				case "POST":
					ObjectNode body = request.json();
					CREATE.validate(body, this.settings.rejectUnknownFields);
					return create(body);
				default:
					throw request.methodNotAllowed();
			}
		}
		boolean external = request.segment(1).equals("external") && request.size() >= 3;
		int idIndex = external ? 2 : 1;
		if (request.size() != idIndex + 1) {
			throw MockApiError.notFound("no such route");
		}
		if (!request.method().equals("GET")) {
			throw request.methodNotAllowed();
		}
		String key = request.segment(idIndex);
		ObjectNode product = this.store.products.require("product", key, external);
		return MockResponse.ok(product);
	}

	MockResponse create(ObjectNode body) {
		return this.conflicts.create(this.store.products, "product", (id, sequence) -> {
			String now = MockJson.now();
			ObjectNode product = MockJson.object();
			product.put("id", id);
			product.set("externalId", MockJson.valueOrNull(body, "externalId"));
			product.put("name", body.get("name").stringValue());
			product.set("description", MockJson.valueOrNull(body, "description"));
			product.put("active", !body.has("active") || body.get("active").asBoolean());
			product.set("productCode", MockJson.valueOrNull(body, "productCode"));
			product.putNull("archivedAt");
			product.set("metadata", MockJson.valueOrNull(body, "metadata"));
			product.putArray("productAttributes");
			product.put("createdAt", now);
			product.put("updatedAt", now);
			return product;
		}, (p) -> p);
	}

}
