package ai.paid.spring.sync.delivery;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.sync.PaidEntityType;
import org.springframework.jdbc.core.JdbcOperations;
import reactor.core.publisher.Mono;

/**
 * Applies queued customer changes to Paid: update by external id first ({@code PUT /customers/external/{id}}),
 * create on 404, so a retried delivery never creates a second customer; delete by external id, where 404 means done.
 * Every answer's Paid id goes to the link table.
 */
public final class CustomerDeliveryHandler implements OutboxDeliveryHandler {

	private final PaidClient client;

	private final PaidSyncLinks links;

	private final CustomerUpserter upserter;

	/**
	 * @param client the Paid client, without its own retries (the outbox retries)
	 * @param jdbc access to the {@code paid_sync_link} table
	 */
	public CustomerDeliveryHandler(PaidClient client, JdbcOperations jdbc) {
		this.client = client;
		this.links = new PaidSyncLinks(jdbc);
		this.upserter = new CustomerUpserter(client, this.links, new SyncPayloadCodec());
	}

	@Override
	public String entityType() {
		return PaidEntityType.CUSTOMER.name();
	}

	@Override
	public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
		return PaidIdResolver.outcome(send(record));
	}

	private Mono<?> send(OutboxRecord record) {
		if (record.operation() == OutboxOperation.DELETE) {
			return this.client.deleteCustomerByExternalId(record.entityId())
				.onErrorResume(PaidIdResolver::isNotFound, (ex) -> Mono.empty())
				.then(this.links.delete(PaidEntityType.CUSTOMER, record.entityId()));
		}
		return this.upserter.upsert(record.payload()).then();
	}

}
