package ai.paid.spring.sync.delivery;

import java.time.Duration;
import java.util.Locale;
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
 * external id from Paid (and then links them). A referenced object Paid does not have is either still pending in the
 * outbox (it precedes the referrer in the lane, or waits in another lane or on another instance), and then the
 * delivery waits for it ({@link DeliveryOutcome#waitFor}, which neither consumes the row's retry budget nor counts
 * against the circuit breaker), or it is not queued at all, and then the lane is parked at once with a message saying
 * what is missing: retrying cannot help, and the operator resolves the lane with one action (fix and retry, or skip
 * the lane). The handlers turn the {@link Deferred} signal into that outcome with {@link #outcome(Mono)}.
 */
final class PaidIdResolver {

	private final PaidClient client;

	private final PaidSyncLinks links;

	private final CustomerUpserter customers;

	PaidIdResolver(PaidClient client, PaidSyncLinks links) {
		this.client = client;
		this.links = links;
		this.customers = new CustomerUpserter(client, links, new SyncPayloadCodec());
	}

	Mono<String> customerId(String customerExternalId, OutboxRecord record) {
		return this.links.find(PaidEntityType.CUSTOMER, customerExternalId)
			.flatMap((linked) -> linked.map(Mono::just).orElseGet(() -> customerInPaid(customerExternalId)))
			.onErrorResume(PaidIdResolver::isNotFound, (ex) -> queuedCustomer(customerExternalId)
				.switchIfEmpty(Mono.defer(() -> missing(PaidEntityType.CUSTOMER, customerExternalId, record,
						customerInPaid(customerExternalId)))));
	}

	private Mono<String> customerInPaid(String customerExternalId) {
		return this.client.getCustomerByExternalId(customerExternalId)
			.flatMap((customer) -> this.links.save(PaidEntityType.CUSTOMER, customerExternalId, customer.id())
				.thenReturn(customer.id()));
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
			.flatMap((linked) -> linked.map(Mono::just).orElseGet(() -> contactInPaid(contactExternalId)))
			.onErrorResume(PaidIdResolver::isNotFound, (ex) -> missing(PaidEntityType.CONTACT, contactExternalId,
					record, contactInPaid(contactExternalId)));
	}

	private Mono<String> contactInPaid(String contactExternalId) {
		return this.client.getContactByExternalId(contactExternalId)
			.flatMap((contact) -> this.links.save(PaidEntityType.CONTACT, contactExternalId, contact.id())
				.thenReturn(contact.id()));
	}

	/**
	 * Defers the delivery for a referenced object Paid does not have: a wait while a change of the object is pending
	 * in the outbox (a contact moved to a customer created moments ago, or another instance sending it); a park, at
	 * once, when nothing will send it.
	 * @param lookUpAgain asks Paid again: an instance that delivered the object drops its pending row only after Paid
	 * accepted it, so if it is not pending now, Paid either has it by now or will not get it
	 */
	private <T> Mono<T> missing(PaidEntityType type, String externalId, OutboxRecord record,
			Mono<T> lookUpAgain) {
		String what = type.name().toLowerCase(Locale.ROOT);
		String missing = "Paid has no " + what + " with external id '" + externalId + "', which "
				+ record.entityType().toLowerCase(Locale.ROOT) + " '" + record.entityId() + "' refers to";
		return this.links.isQueued(type, externalId).flatMap((queued) -> {
			if (queued) {
				return Mono.error(new Deferred(missingOutcome(missing, what, true, record.attempts())));
			}
			return lookUpAgain.onErrorResume(PaidIdResolver::isNotFound,
					(ex) -> Mono.error(new Deferred(missingOutcome(missing, what, false, record.attempts()))));
		});
	}

	/** What a reference to a missing object means: wait while it is queued, park at once otherwise. */
	DeliveryOutcome missingOutcome(String missing, String what, boolean queued, int attempts) {
		if (!queued) {
			return DeliveryOutcome.park(missing + "; it is not queued for Paid either. Make sure the " + what
					+ " is synced (a @PaidSync entity or sent through PaidSyncOperations), then retry the lane, or skip "
					+ "the lane with its dependents (skip-lane)");
		}
		// spaced out so that many referrers waiting for one object do not keep Paid busy
		return DeliveryOutcome.waitFor(Duration.ofSeconds(Math.min(1L << Math.min(attempts, 5), 30)),
				missing + "; it is still queued for Paid, waiting for it");
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
