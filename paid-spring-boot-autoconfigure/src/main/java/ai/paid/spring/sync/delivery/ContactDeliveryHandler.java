package ai.paid.spring.sync.delivery;

import java.util.Set;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.sync.PaidContactData;
import ai.paid.spring.sync.PaidEntityType;
import org.springframework.jdbc.core.JdbcOperations;
import reactor.core.publisher.Mono;

/**
 * Applies queued contact changes to Paid: resolves the customer's Paid id (link table, else by external id), then
 * updates by external id (also moving the contact when its customer changed) and creates on 404; deletes by external
 * id, where 404 means done.
 */
public final class ContactDeliveryHandler implements OutboxDeliveryHandler {

	private final PaidClient client;

	private final PaidSyncLinks links;

	private final PaidIdResolver ids;

	private final SyncPayloadCodec codec = new SyncPayloadCodec();

	private final SyncRequests requests = new SyncRequests(this.codec.mapper());

	/**
	 * @param client the Paid client, without its own retries (the outbox retries)
	 * @param jdbc access to the {@code paid_sync_link} table
	 */
	public ContactDeliveryHandler(PaidClient client, JdbcOperations jdbc) {
		this.client = client;
		this.links = new PaidSyncLinks(jdbc);
		this.ids = new PaidIdResolver(client, this.links);
	}

	@Override
	public String entityType() {
		return PaidEntityType.CONTACT.name();
	}

	@Override
	public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
		return PaidIdResolver.outcome(send(record));
	}

	private Mono<?> send(OutboxRecord record) {
		if (record.operation() == OutboxOperation.DELETE) {
			return this.client.deleteContactByExternalId(record.entityId())
				.onErrorResume(PaidIdResolver::isNotFound, (ex) -> Mono.empty())
				.then(this.links.delete(PaidEntityType.CONTACT, record.entityId()));
		}
		PaidContactData data = this.codec.read(record.payload(), PaidContactData.class);
		Set<String> cleared = this.codec.readClearedFields(record.payload());
		return this.ids.customerId(data.customerExternalId(), record)
			.flatMap((customerId) -> this.client
				.updateContactByExternalId(data.externalId(), this.requests.updateContact(data, customerId, cleared))
				.onErrorResume(PaidIdResolver::isNotFound,
						(ex) -> this.client.createContact(this.requests.createContact(data, customerId))))
			.flatMap((contact) -> this.links.save(PaidEntityType.CONTACT, data.externalId(), contact.id()));
	}

}
