package ai.paid.spring.sync;

import java.util.Set;

import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxOperation;

/**
 * Turns Paid entity state into outbox messages: lane {@code cust:<customer external id>}, entity type and id, payload.
 */
final class SyncMessages {

	private static final String LANE_PREFIX = "cust:";

	private final SyncPayloadCodec codec;

	SyncMessages(SyncPayloadCodec codec) {
		this.codec = codec;
	}

	OutboxMessage upsert(PaidEntityData data) {
		return upsert(data, Set.of());
	}

	OutboxMessage upsert(PaidEntityData data, Set<String> clearedFields) {
		requireIds(data.type(), data.externalId(), data.customerExternalId());
		return new OutboxMessage(lane(data.customerExternalId()), data.type().name(), data.externalId(),
				OutboxOperation.UPSERT, this.codec.write(data, clearedFields));
	}

	OutboxMessage delete(PaidEntityType type, String externalId, String customerExternalId) {
		requireIds(type, externalId, customerExternalId);
		String payload = "{\"version\":" + SyncPayloadCodec.VERSION + "}";
		return new OutboxMessage(lane(customerExternalId), type.name(), externalId, OutboxOperation.DELETE, payload);
	}

	static String lane(String customerExternalId) {
		return LANE_PREFIX + customerExternalId;
	}

	private static void requireIds(PaidEntityType type, String externalId, String customerExternalId) {
		if (externalId == null || externalId.isBlank()) {
			throw new PaidSyncDataException("A Paid " + type.name().toLowerCase() + " needs an external id");
		}
		if (customerExternalId == null || customerExternalId.isBlank()) {
			throw new PaidSyncDataException(
					"Paid " + type.name().toLowerCase() + " '" + externalId + "' needs its customer's external id");
		}
	}

}
