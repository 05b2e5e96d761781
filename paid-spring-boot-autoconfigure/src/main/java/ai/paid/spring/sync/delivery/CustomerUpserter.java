package ai.paid.spring.sync.delivery;

import java.util.Set;

import ai.paid.spring.client.PaidClient;
import ai.paid.spring.sync.PaidCustomerData;
import ai.paid.spring.sync.PaidEntityType;
import reactor.core.publisher.Mono;

/**
 * Makes Paid's customer look like the queued state: update by external id first, create on 404 (so repeating it
 * never creates a second customer), and link the Paid id.
 */
final class CustomerUpserter {

	private final PaidClient client;

	private final PaidSyncLinks links;

	private final SyncPayloadCodec codec;

	private final SyncRequests requests;

	CustomerUpserter(PaidClient client, PaidSyncLinks links, SyncPayloadCodec codec) {
		this.client = client;
		this.links = links;
		this.codec = codec;
		this.requests = new SyncRequests(codec.mapper());
	}

	/** Applies a queued customer payload; emits the customer's Paid id. */
	Mono<String> upsert(String payload) {
		PaidCustomerData data = this.codec.read(payload, PaidCustomerData.class);
		Set<String> cleared = this.codec.readClearedFields(payload);
		return this.client.updateCustomerByExternalId(data.externalId(), this.requests.updateCustomer(data, cleared))
			.onErrorResume(PaidIdResolver::isNotFound,
					(ex) -> this.client.createCustomer(this.requests.createCustomer(data)))
			.flatMap((customer) -> this.links.save(PaidEntityType.CUSTOMER, data.externalId(), customer.id())
				.thenReturn(customer.id()));
	}

}
