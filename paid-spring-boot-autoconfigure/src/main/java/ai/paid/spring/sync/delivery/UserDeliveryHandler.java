package ai.paid.spring.sync.delivery;

import ai.paid.spring.client.CustomerUserStatus;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.UpsertCustomerUserRequest;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidUserData;
import reactor.core.publisher.Mono;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Applies queued changes of customer users to Paid with {@code PUT /customers/{customerExternalId}/users/{userExternalId}},
 * an upsert, so a retried delivery is harmless. The customer must be in Paid first: like a contact, the user waits
 * while its customer's change is queued and parks its lane when nothing will send the customer. A delete upserts the
 * user with {@code status: deactivated} (Paid has no route to delete a user); a customer Paid does not know (404)
 * means there is nothing to deactivate.
 */
public final class UserDeliveryHandler implements OutboxDeliveryHandler {

	private final PaidClient client;

	private final PaidSyncLinks links;

	private final PaidIdResolver ids;

	private final SyncPayloadCodec codec = new SyncPayloadCodec();

	/**
	 * @param client the Paid client, without its own retries (the outbox retries)
	 * @param jdbc access to the {@code paid_sync_link} table
	 */
	public UserDeliveryHandler(PaidClient client, JdbcOperations jdbc) {
		this.client = client;
		this.links = new PaidSyncLinks(jdbc);
		this.ids = new PaidIdResolver(client, this.links);
	}

	@Override
	public String entityType() {
		return PaidEntityType.USER.name();
	}

	@Override
	public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
		return PaidIdResolver.outcome(send(record));
	}

	private Mono<?> send(OutboxRecord record) {
		if (record.operation() == OutboxOperation.DELETE) {
			String customer = SyncMessages.customerOfDelete(record.payload(), this.codec)
				.orElseGet(() -> SyncMessages.customerOfLane(record.lane()));
			return this.client
				.upsertCustomerUser(customer, record.entityId(),
						new UpsertCustomerUserRequest(null, null, null, CustomerUserStatus.deactivated))
				.onErrorResume(PaidIdResolver::isNotFound, (ex) -> Mono.empty())
				.then(this.links.delete(PaidEntityType.USER, record.entityId()));
		}
		PaidUserData data = this.codec.read(record.payload(), PaidUserData.class);
		UpsertCustomerUserRequest request = new UpsertCustomerUserRequest(data.name(), data.email(), data.metadata(),
				CustomerUserStatus.active);
		return this.ids.customerId(data.customerExternalId(), record)
			.then(this.client.upsertCustomerUser(data.customerExternalId(), data.externalId(), request))
			.flatMap((user) -> this.links.save(PaidEntityType.USER, data.externalId(), user.id()));
	}

}
