package ai.paid.spring.sync.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.sync.PaidEntityType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the Paid ids of the customer and billing contacts a contact or order refers to: from the link table, else by
 * external id from Paid (and then links them). A referenced object Paid does not have is usually still on its way (it
 * precedes the referrer in the lane, or another instance is sending it), so the delivery waits a few times
 * ({@link DeliveryOutcome#waitFor}, which neither consumes the row's retry budget nor counts against the circuit
 * breaker); after that the lane is parked with a message saying what is missing. The handlers turn the
 * {@link Deferred} signal into that outcome with {@link #outcome(Mono)}.
 */
final class PaidIdResolver {

	private final PaidClient client;

	private final PaidSyncLinks links;

	private final int waitAttempts;

	private final CustomerUpserter customers;

	PaidIdResolver(PaidClient client, PaidSyncLinks links, int waitAttempts) {
		this.client = client;
		this.links = links;
		this.customers = new CustomerUpserter(client, links, new SyncPayloadCodec());
		this.waitAttempts = waitAttempts;
	}

	Mono<String> customerId(String customerExternalId, OutboxRecord record) {
		return this.links.find(PaidEntityType.CUSTOMER, customerExternalId)
			.flatMap((linked) -> linked.map(Mono::just)
				.orElseGet(() -> this.client.getCustomerByExternalId(customerExternalId)
					.flatMap((customer) -> this.links.save(PaidEntityType.CUSTOMER, customerExternalId, customer.id())
						.thenReturn(customer.id()))))
			.onErrorResume(PaidIdResolver::isNotFound, (ex) -> queuedCustomer(customerExternalId)
				.switchIfEmpty(Mono.defer(() -> missing(PaidEntityType.CUSTOMER, customerExternalId, record, ex))));
	}

	/**
	 * The customer is not in Paid yet but queued in its own lane (a contact or order moved to a customer created
	 * moments ago, whose change is still pending where the referrer was): apply the queued customer now rather than
	 * wait for that lane. Harmless to repeat, so its own row delivering later changes nothing.
	 */
	private Mono<String> queuedCustomer(String customerExternalId) {
		return this.links.queuedPayload(PaidEntityType.CUSTOMER, customerExternalId)
			.flatMap((payload) -> payload.map(this.customers::upsert).orElseGet(Mono::empty));
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
			.onErrorResume(PaidIdResolver::isNotFound,
					(ex) -> missing(PaidEntityType.CONTACT, contactExternalId, record, ex));
	}

	/**
	 * Defers the delivery for a referenced object Paid does not have: a wait while the object is still queued in
	 * another lane (a contact moved to a customer created moments ago) or for the first attempts; then a park.
	 */
	private <T> Mono<T> missing(PaidEntityType type, String externalId, OutboxRecord record, Throwable cause) {
		String what = type.name().toLowerCase();
		String missing = "Paid has no " + what + " with external id '" + externalId + "', which "
				+ record.entityType().toLowerCase() + " '" + record.entityId() + "' refers to";
		return this.links.isQueued(type, externalId)
			.flatMap((queued) -> Mono.error(new Deferred(missingOutcome(missing, what, queued, record.attempts()))));
	}

	/**
	 * What a reference to a missing object means. Kept apart so that the rule (today: wait while queued or for the
	 * first attempts, then park) can change in one place.
	 */
	DeliveryOutcome missingOutcome(String missing, String what, boolean queued, int attempts) {
		boolean wait = queued || attempts + 1 < this.waitAttempts;
		if (!wait) {
			return DeliveryOutcome.park(missing + ". Make sure the " + what + " is synced (a @PaidSync entity or sent "
					+ "through PaidSync), then retry the lane");
		}
		String message = missing + (queued ? "; it is still queued for Paid, waiting for it"
				: "; retrying, it may still be on its way");
		// spaced out so that many referrers waiting for one object do not keep Paid busy
		return DeliveryOutcome.waitFor(Duration.ofSeconds(Math.min(1L << Math.min(attempts, 5), 30)), message);
	}

	static boolean isNotFound(Throwable ex) {
		return ex instanceof PaidApiException api && api.isNotFound();
	}

	/**
	 * The handler's delivery as an outcome: completion is delivered, a {@link Deferred} signal its outcome, any other
	 * error stays an error for the outbox to classify.
	 */
	static Mono<DeliveryOutcome> outcome(Mono<?> delivery) {
		return delivery.then(Mono.<DeliveryOutcome>empty())
			.onErrorResume(Deferred.class, (deferred) -> Mono.just(deferred.outcome));
	}

	/** Unwinds a delivery that cannot go on yet, carrying what to tell the outbox. */
	static final class Deferred extends RuntimeException {

		private final transient DeliveryOutcome outcome;

		Deferred(DeliveryOutcome outcome) {
			super(outcome.toString(), null, false, false);
			this.outcome = outcome;
		}

		DeliveryOutcome outcome() {
			return this.outcome;
		}

	}

}
