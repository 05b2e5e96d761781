package ai.paid.spring.sync.delivery;

import java.util.LinkedHashSet;
import java.util.Set;

import ai.paid.spring.sync.PaidEntityData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
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
 * An entity captured through annotations also lists the mapped fields it holds no value for, e.g.
 * {@code "clearedFields":["vatNumber","billingAddress"]}, so the update clears them in Paid (where Paid allows null).
 * A reader of a later version must keep reading version 1 rows: they can be pending across an upgrade.
 */
public final class SyncPayloadCodec {

	public static final int VERSION = 1;

	private static final String CLEARED = "clearedFields";

	private final JsonMapper mapper = JsonMapper.builder().build();

	public String write(PaidEntityData data) {
		return write(data, Set.of());
	}

	public String write(PaidEntityData data, Set<String> clearedFields) {
		ObjectNode node = this.mapper.valueToTree(data);
		node.put("version", VERSION);
		if (!clearedFields.isEmpty()) {
			ArrayNode cleared = node.putArray(CLEARED);
			clearedFields.forEach(cleared::add);
		}
		return this.mapper.writeValueAsString(node);
	}

	/** The mapped fields the entity held no value for when it was queued. */
	public Set<String> readClearedFields(String payload) {
		Set<String> cleared = new LinkedHashSet<>();
		this.mapper.readTree(payload).path(CLEARED).forEach((name) -> cleared.add(name.asString()));
		return cleared;
	}

	public <T extends PaidEntityData> T read(String payload, Class<T> type) {
		JsonNode node = this.mapper.readTree(payload);
		int version = node.path("version").asInt(0);
		if (version != VERSION) {
			throw new IllegalStateException("Unsupported Paid sync payload version " + version + " for " + type.getSimpleName());
		}
		return this.mapper.treeToValue(node, type);
	}

	public JsonMapper mapper() {
		return this.mapper;
	}

}
