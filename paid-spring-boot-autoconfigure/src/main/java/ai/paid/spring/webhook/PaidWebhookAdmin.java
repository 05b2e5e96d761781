package ai.paid.spring.webhook;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The operator's view of the webhook inbox: counts, parked deliveries, retry and skip. Used by the
 * {@code paidwebhooks} actuator endpoint.
 */
public final class PaidWebhookAdmin {

	private final WebhookStore store;

	private final Clock clock;

	private final Runnable wakeUp;

	/**
	 * Create the admin.
	 * @param inbox the inbox
	 * @param clock the clock
	 * @param wakeUp wakes the dispatcher after a retry
	 */
	public PaidWebhookAdmin(PaidWebhookInbox inbox, Clock clock, Runnable wakeUp) {
		this.store = inbox.store();
		this.clock = clock;
		this.wakeUp = wakeUp;
	}

	/**
	 * Counts per state.
	 * @return the backlog
	 */
	public WebhookBacklog backlog() {
		return this.store.backlog();
	}

	/**
	 * One page of parked deliveries, oldest first.
	 * @param page zero-based page
	 * @param size page size
	 * @return the deliveries
	 */
	public List<WebhookInboxEntry> parked(int page, int size) {
		return this.store.entries(WebhookStore.PARKED, page, size);
	}

	/**
	 * One delivery.
	 * @param id its row id
	 * @return the delivery, {@code null} when there is none
	 */
	public @Nullable WebhookInboxEntry entry(long id) {
		return this.store.entry(id);
	}

	/**
	 * One delivery by its deduplication key.
	 * @param dedupKey the key
	 * @return the delivery, {@code null} when there is none
	 */
	public @Nullable WebhookInboxEntry entry(String dedupKey) {
		return this.store.entryByKey(dedupKey);
	}

	/**
	 * Sends a parked delivery back to its handlers, with a fresh count of attempts.
	 * @param id its row id
	 * @return whether it was parked (and is now pending)
	 */
	public boolean retry(long id) {
		boolean retried = this.store.retry(id, this.clock.millis());
		if (retried) {
			this.wakeUp.run();
		}
		return retried;
	}

	/**
	 * Gives up on a parked or pending delivery; it stays in the inbox, so a redelivery is still acknowledged.
	 * @param id its row id
	 * @return whether it was parked or pending (and is now skipped)
	 */
	public boolean skip(long id) {
		return this.store.skip(id, this.clock.millis());
	}

}
