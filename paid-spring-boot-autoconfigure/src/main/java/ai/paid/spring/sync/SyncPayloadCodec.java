package ai.paid.spring.sync;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON stored in the outbox for a change: the {@link PaidEntityData} record's non-null fields plus
 * {@code "version"} (currently {@value #VERSION}); a delete carries only the version. Uses its own mapper so an
 * application's Jackson settings never change what is stored. Shapes (entity type and external id are the outbox
 * row's {@code entity_type} / {@code entity_id}, the lane is {@code cust:<customerExternalId>}):
 * <pre>
 * CUSTOMER {"version":1,"externalId":"acme","name":"Acme Ltd","email":"…","billingAddress":{"country":"GB"},
 *           "metadata":{…}, "legalName", "phone", "website", "vatNumber", "defaultCurrency", "creationState"}
 * CONTACT  {"version":1,"externalId":"c-john","customerExternalId":"acme","firstName":"John","lastName":"Doe",
 *           "email":"…","phone":"…","roles":["BILLING"],"billingAddress":{"street":"…",…}}
 * ORDER    {"version":1,"externalId":"sub-1","customerExternalId":"acme","billingContactExternalIds":["c-john"],
 *           "name":"AI SDR - Pro","startDate":"2025-06-01T00:00:00Z","currency":"USD","metadata":{…},
 *           "lines":[{"productExternalId":"ai-sdr-pro","attributes":[{"name":…,"pricing":{…}}]}], …}
 * </pre>
 * A reader of a later version must keep reading version 1 rows: they can be pending across an upgrade.
 */
final class SyncPayloadCodec {

	static final int VERSION = 1;

	private final JsonMapper mapper = JsonMapper.builder().build();

	String write(PaidEntityData data) {
		ObjectNode node = this.mapper.valueToTree(data);
		node.put("version", VERSION);
		return this.mapper.writeValueAsString(node);
	}

	<T extends PaidEntityData> T read(String payload, Class<T> type) {
		JsonNode node = this.mapper.readTree(payload);
		int version = node.path("version").asInt(0);
		if (version != VERSION) {
			throw new IllegalStateException("Unsupported Paid sync payload version " + version + " for " + type.getSimpleName());
		}
		return this.mapper.treeToValue(node, type);
	}

	JsonMapper mapper() {
		return this.mapper;
	}

}
