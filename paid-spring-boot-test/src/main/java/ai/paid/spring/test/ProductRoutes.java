package ai.paid.spring.test;

import java.util.Iterator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static ai.paid.spring.test.WireSchema.Type.ARRAY;
import static ai.paid.spring.test.WireSchema.Type.BOOLEAN;
import static ai.paid.spring.test.WireSchema.Type.OBJECT;
import static ai.paid.spring.test.WireSchema.Type.STRING;

/**
 * {@code /products}: list, create, get and update by id and by external id (paid-api.md §10.1). A create answers a
 * {@code Product} without attributes (Paid takes no pricing on create); get and update answer a
 * {@code ProductDetail} with {@code productAttributes[]}. An update upserts the attributes it lists: one with a
 * {@code productAttributeId} updates that attribute, one without creates a new one (or, with
 * {@link ProductAttributeMatching#ID_OR_NAME}, updates the attribute of that name); attributes left out are kept.
 * There is no delete, as in Paid v2. Tests usually seed products with {@link MockPaidServer#seedProduct}.
 */
final class ProductRoutes {

	static final WireSchema CREATE = WireSchema.named("CreateProductRequest")
		.required("name", STRING)
		.nullable("description", STRING)
		.optional("active", BOOLEAN)
		.nullable("productCode", STRING)
		.nullable("externalId", STRING)
		.nullable("metadata", OBJECT);

	static final WireSchema UPDATE = CREATE.allOptional("UpdateProductRequest").optional("productAttributes", ARRAY);

	private static final String ATTRIBUTES = "productAttributes";

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
					return MockResponse.ok(MockPages.page(request, this.store.products.list(), ProductRoutes::product));
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
		String key = request.segment(idIndex);
		ObjectNode product = this.store.products.require("product", key, external);
		switch (request.method()) {
			case "GET":
				return MockResponse.ok(product);
			case "PUT":
				return MockResponse.ok(update(product, request.json()));
			default:
				throw request.methodNotAllowed();
		}
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
			product.putArray(ATTRIBUTES);
			product.put("createdAt", now);
			product.put("updatedAt", now);
			return product;
		}, ProductRoutes::product);
	}

	/** {@code Product}: the stored product without its attributes. */
	private static JsonNode product(JsonNode stored) {
		ObjectNode product = ((ObjectNode) stored).deepCopy();
		product.remove(ATTRIBUTES);
		return product;
	}

	private ObjectNode update(ObjectNode product, ObjectNode body) {
		UPDATE.validate(body, this.settings.rejectUnknownFields);
		JsonNode attributes = body.get(ATTRIBUTES);
		if (attributes != null) {
			int index = 0;
			for (Iterator<JsonNode> it = attributes.values().iterator(); it.hasNext(); index++) {
				JsonNode attribute = it.next();
				String where = "UpdateProductRequest." + ATTRIBUTES + "[" + index + "]";
				ProductPricingSchemas.validateAttribute(attribute, where, this.settings.rejectUnknownFields);
				if (!this.settings.productSignalTypeAccepted && attribute.get("pricing").has("signalType")) {
					throw MockApiError.badRequest("UNKNOWN_FIELD", where + ".pricing has no field 'signalType'");
				}
			}
		}
		try {
			ObjectNode updated = this.store.products.update(product.get("id").stringValue(), (node) -> {
				MockJson.applyUpdate(body, node, CREATE.fieldNames());
				if (attributes != null) {
					upsertAttributes((ArrayNode) node.get(ATTRIBUTES), attributes, product.get("id").stringValue());
				}
			});
			if (updated == null) {
				throw MockApiError.notFound("product " + product.get("id").stringValue() + " not found");
			}
			return updated;
		}
		catch (EntityTable.DuplicateExternalIdException ex) {
			throw this.conflicts.conflict("product", ex.existing());
		}
	}

	private void upsertAttributes(ArrayNode stored, JsonNode attributes, String productId) {
		int index = 0;
		for (Iterator<JsonNode> it = attributes.values().iterator(); it.hasNext(); index++) {
			JsonNode input = it.next();
			ObjectNode target = find(stored, input, productId, index);
			if (target == null) {
				target = stored.addObject();
				target.put("productAttributeId", MockIds.next("attr_"));
				target.put("active", true);
				target.putArray("creditBenefits");
			}
			target.put("name", input.get("name").stringValue());
			if (input.has("active")) {
				target.put("active", input.get("active").asBoolean());
			}
			target.set("pricing", ProductPricingSchemas.output(input.get("pricing"),
					this.settings.productPricingEnumsLowerCase));
			if (input.has("creditBenefits")) {
				target.set("creditBenefits", input.get("creditBenefits").deepCopy());
			}
			if (input.has("taxCode")) {
				target.set("taxCode", input.get("taxCode").deepCopy());
			}
		}
	}

	private @Nullable ObjectNode find(ArrayNode stored, JsonNode input, String productId, int index) {
		JsonNode id = input.get("productAttributeId");
		if (id != null) {
			for (JsonNode attribute : stored.values()) {
				if (attribute.get("productAttributeId").stringValue().equals(id.stringValue())) {
					return (ObjectNode) attribute;
				}
			}
			throw MockApiError.badRequest("INVALID_FIELD", "UpdateProductRequest." + ATTRIBUTES + "[" + index
					+ "].productAttributeId '" + id.stringValue() + "' is not an attribute of product " + productId);
		}
		if (this.settings.productAttributeMatching == ProductAttributeMatching.ID_OR_NAME) {
			for (JsonNode attribute : stored.values()) {
				if (attribute.get("name").stringValue().equals(input.get("name").stringValue())) {
					return (ObjectNode) attribute;
				}
			}
		}
		return null;
	}

}
