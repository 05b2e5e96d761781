package ai.paid.spring.sync;

import java.util.ArrayList;
import java.util.List;

import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.outbox.OutboxRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the Paid ids of the customer and billing contacts a contact or order refers to: from the link table, else by
 * external id from Paid (and then links them). A referenced object Paid does not have is usually still on its way (it
 * precedes the referrer in the lane, or another instance is sending it), so the delivery is retried a few times; after
 * that the lane is parked with a message saying what is missing.
 */
final class PaidIdResolver {

	private final PaidClient client;

	private final PaidSyncLinks links;

	private final int waitAttempts;

	PaidIdResolver(PaidClient client, PaidSyncLinks links, int waitAttempts) {
		this.client = client;
		this.links = links;
		this.waitAttempts = waitAttempts;
	}

	Mono<String> customerId(String customerExternalId, OutboxRecord record) {
		return this.links.find(PaidEntityType.CUSTOMER, customerExternalId)
			.flatMap((linked) -> linked.map(Mono::just)
				.orElseGet(() -> this.client.getCustomerByExternalId(customerExternalId)
					.flatMap((customer) -> this.links.save(PaidEntityType.CUSTOMER, customerExternalId, customer.id())
						.thenReturn(customer.id()))))
			.onErrorMap(PaidIdResolver::isNotFound, (ex) -> missing("customer", customerExternalId, record, ex));
	}

	Mono<List<String>> contactIds(List<String> contactExternalIds, OutboxRecord record) {
		return Flux.fromIterable(contactExternalIds)
			.concatMap((externalId) -> contactId(externalId, record))
			.collect(ArrayList::new, List::add);
	}

	private Mono<String> contactId(String contactExternalId, OutboxRecord record) {
		return this.links.find(PaidEntityType.CONTACT, contactExternalId)
			.flatMap((linked) -> linked.map(Mono::just)
				.orElseGet(() -> this.client.getContactByExternalId(contactExternalId)
					.flatMap((contact) -> this.links.save(PaidEntityType.CONTACT, contactExternalId, contact.id())
						.thenReturn(contact.id()))))
			.onErrorMap(PaidIdResolver::isNotFound, (ex) -> missing("contact", contactExternalId, record, ex));
	}

	private PaidApiException missing(String what, String externalId, OutboxRecord record, Throwable cause) {
		boolean wait = record.attempts() + 1 < this.waitAttempts;
		String message = "Paid has no " + what + " with external id '" + externalId + "', which "
				+ record.entityType().toLowerCase() + " '" + record.entityId() + "' refers to"
				+ (wait ? "; retrying, it may still be on its way"
						: ". Make sure the " + what + " is synced (a @PaidSync entity or sent through PaidSync), "
								+ "then retry the lane");
		// the outbox retries status 0 (like a lost response) and parks the lane on a 4xx
		return new PaidApiException(message, wait ? 0 : 404, message, "missing_" + what, null, wait, null, cause);
	}

	static boolean isNotFound(Throwable ex) {
		return ex instanceof PaidApiException api && api.isNotFound();
	}

}
