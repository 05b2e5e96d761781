package ai.paid.spring.sync.delivery;

import java.util.Optional;
import java.util.Set;

import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidSyncDataException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns Paid entity state into outbox messages: lane {@code cust:<customer external id>}, entity type and id, payload.
 */
public final class SyncMessages {

	private static final String LANE_PREFIX = "cust:";

	private static final String CUSTOMER = "customerExternalId";

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
		// a user is deactivated under its customer, so its delete names the customer
		String payload = (type == PaidEntityType.USER)
				? this.codec.mapper()
					.createObjectNode()
					.put("version", SyncPayloadCodec.VERSION)
					.put(CUSTOMER, customerExternalId)
					.toString()
				: "{\"version\":" + SyncPayloadCodec.VERSION + "}";
		return new OutboxMessage(lane(customerExternalId), type.name(), externalId, OutboxOperation.DELETE, payload);
	}

	public static String lane(String customerExternalId) {
		return LANE_PREFIX + customerExternalId;
	}

	/** The customer external id of a lane {@code cust:<id>}. */
	static String customerOfLane(String lane) {
		return lane.startsWith(LANE_PREFIX) ? lane.substring(LANE_PREFIX.length()) : lane;
	}

	/** The customer a delete payload names, if any. */
	static Optional<String> customerOfDelete(@Nullable String payload, SyncPayloadCodec codec) {
		if (payload == null) {
			return Optional.empty();
		}
		JsonNode customer = codec.mapper().readTree(payload).get(CUSTOMER);
		return (customer != null && customer.isString()) ? Optional.of(customer.asString()) : Optional.empty();
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
