package ai.paid.spring.sync.delivery;

import java.util.Set;

import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidSyncDataException;

/**
 * Turns Paid entity state into outbox messages: lane {@code cust:<customer external id>}, entity type and id, payload.
 */
public final class SyncMessages {

	private static final String LANE_PREFIX = "cust:";

	private final SyncPayloadCodec codec;

	public SyncMessages(SyncPayloadCodec codec) {
		this.codec = codec;
	}

	public OutboxMessage upsert(PaidEntityData data) {
		return upsert(data, Set.of());
	}

	public OutboxMessage upsert(PaidEntityData data, Set<String> clearedFields) {
		requireIds(data.type(), data.externalId(), data.customerExternalId());
		return new OutboxMessage(lane(data.customerExternalId()), data.type().name(), data.externalId(),
				OutboxOperation.UPSERT, this.codec.write(data, clearedFields));
	}

	public OutboxMessage delete(PaidEntityType type, String externalId, String customerExternalId) {
		requireIds(type, externalId, customerExternalId);
		String payload = "{\"version\":" + SyncPayloadCodec.VERSION + "}";
		return new OutboxMessage(lane(customerExternalId), type.name(), externalId, OutboxOperation.DELETE, payload);
	}

	public static String lane(String customerExternalId) {
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
