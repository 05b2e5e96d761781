package ai.paid.spring.sync;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON stored in the outbox for a change: the {@link PaidEntityData} record's fields plus {@code "version"}. Uses
 * its own mapper so an application's Jackson settings never change what is stored.
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
