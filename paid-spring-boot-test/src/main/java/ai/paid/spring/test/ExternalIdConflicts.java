package ai.paid.spring.test;

import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers creates and updates that hit an external id already in use, per {@link DuplicateExternalIdBehavior}.
 */
final class ExternalIdConflicts {

	private final MockSettings settings;

	ExternalIdConflicts(MockSettings settings) {
		this.settings = settings;
	}

	MockResponse create(EntityTable table, String resource, EntityTable.FactoryWithSequence factory,
			Function<ObjectNode, JsonNode> view) {
		try {
			return MockResponse.created(view.apply(table.insert(factory)));
		}
		catch (EntityTable.DuplicateExternalIdException ex) {
			if (this.settings.duplicateExternalIdBehavior == DuplicateExternalIdBehavior.RETURN_EXISTING) {
				return MockResponse.ok(view.apply(ex.existing()));
			}
			throw conflict(resource, ex.existing());
		}
	}

	MockApiError conflict(String resource, ObjectNode existing) {
		String details = "a " + resource + " with externalId '" + existing.get("externalId").stringValue()
				+ "' already exists: " + existing.get("id").stringValue();
		if (this.settings.duplicateExternalIdBehavior == DuplicateExternalIdBehavior.CONFLICT_409) {
			return new MockApiError(409, "Conflict", "DUPLICATE_EXTERNAL_ID", details);
		}
		return MockApiError.badRequest("DUPLICATE_EXTERNAL_ID", details);
	}

}
