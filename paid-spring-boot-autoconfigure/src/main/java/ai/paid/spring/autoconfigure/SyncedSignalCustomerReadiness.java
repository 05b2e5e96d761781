package ai.paid.spring.autoconfigure;

import java.time.Duration;

import ai.paid.spring.outbox.OutboxQueries;
import ai.paid.spring.signal.SignalCustomerReadiness;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.delivery.PaidSyncLinkQueries;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers whether a signal's customer is in Paid from what the entity sync knows: a customer Paid acknowledged is
 * ready; one whose change is still pending in the outbox is not (the signal waits for it); any other customer is
 * assumed to exist (created outside the sync), and Paid's answer to the signal says otherwise.
 */
final class SyncedSignalCustomerReadiness implements SignalCustomerReadiness {

	private static final Duration RETRY_AFTER = Duration.ofMillis(500);

	private final PaidSyncLinkQueries links;

	private final OutboxQueries outbox;

	SyncedSignalCustomerReadiness(PaidSyncLinkQueries links, OutboxQueries outbox) {
		this.links = links;
		this.outbox = outbox;
	}

	@Override
	public Mono<Readiness> check(String externalCustomerId) {
		return Mono.fromCallable(() -> {
			if (this.links.paidId(PaidEntityType.CUSTOMER, externalCustomerId).isPresent()
					|| !this.outbox.isPending(PaidEntityType.CUSTOMER.name(), externalCustomerId)) {
				return Readiness.sendNow();
			}
			return Readiness.waitFor(RETRY_AFTER,
					"customer '" + externalCustomerId + "' is still queued for Paid; the signal waits for it");
		}).subscribeOn(Schedulers.boundedElastic());
	}

}
