package ai.paid.spring.actuate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.paid.spring.webhook.PaidWebhookAdmin;
import ai.paid.spring.webhook.WebhookBacklog;
import ai.paid.spring.webhook.WebhookInboxEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code paidwebhooks} actuator endpoint: the webhook inbox and the operator's fixes.
 * <p>
 * Read ({@code GET /actuator/paidwebhooks?page=0&size=20}): deliveries per state, the oldest pending one's age and a
 * page of parked deliveries (oldest first) with their event, key, attempts and last error; bodies are never returned.
 * <p>
 * Write ({@code POST /actuator/paidwebhooks/{action}} with {@code {"id": ...}}): {@code retry} a parked delivery
 * (its handlers run again, with fresh attempts) or {@code skip} a parked or pending one (kept, so a redelivery is
 * still acknowledged). Write operations need {@code management.endpoint.paidwebhooks.access=unrestricted}.
 */
@Endpoint(id = "paidwebhooks", defaultAccess = Access.READ_ONLY)
public class PaidWebhooksEndpoint {

	private static final int MAX_PAGE_SIZE = 500;

	private final PaidWebhookAdmin admin;

	/**
	 * Create the endpoint.
	 * @param admin the inbox admin
	 */
	public PaidWebhooksEndpoint(PaidWebhookAdmin admin) {
		this.admin = admin;
	}

	/**
	 * The inbox's state with one page of parked deliveries.
	 * @param page zero-based page
	 * @param size deliveries per page (at most 500)
	 * @return the state
	 */
	@ReadOperation
	public PaidWebhooksDescriptor status(@Nullable Integer page, @Nullable Integer size) {
		int pageNumber = (page != null) ? page : 0;
		int pageSize = (size != null) ? size : 20;
		if (pageNumber < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new InvalidEndpointRequestException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE,
					"Invalid page or size");
		}
		WebhookBacklog backlog = this.admin.backlog();
		Instant oldest = backlog.oldestPending();
		double age = (oldest != null) ? Math.max(0, Instant.now().toEpochMilli() - oldest.toEpochMilli()) / 1000.0
				: 0;
		List<ParkedWebhookDescriptor> parked = this.admin.parked(pageNumber, pageSize)
			.stream()
			.map(ParkedWebhookDescriptor::of)
			.toList();
		return new PaidWebhooksDescriptor(backlog.pending(), backlog.handled(), backlog.parked(), backlog.skipped(),
				age, pageNumber, pageSize, parked);
	}

	/**
	 * Runs an operator action on one delivery.
	 * @param action {@code retry} or {@code skip}
	 * @param id the delivery's id (from the read response)
	 * @return what was done
	 */
	@WriteOperation
	public Map<String, Object> operate(@Selector String action, @Nullable Long id) {
		if (id == null) {
			throw new InvalidEndpointRequestException("'id' is required", "Missing id");
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("action", action);
		result.put("id", id);
		switch (action) {
			case "retry" -> result.put("retried", this.admin.retry(id));
			case "skip" -> result.put("skipped", this.admin.skip(id));
			default -> throw new InvalidEndpointRequestException("Unknown action '" + action + "'; use retry or skip",
					"Unknown action");
		}
		return result;
	}

	/**
	 * The endpoint's read response.
	 *
	 * @param pending deliveries waiting for (or in) their handlers
	 * @param handled deliveries handled and kept to recognise redeliveries
	 * @param parked deliveries stopped after their last failed attempt
	 * @param skipped deliveries an operator gave up on
	 * @param oldestPendingAgeSeconds age of the oldest pending delivery
	 * @param page zero-based page of parked deliveries
	 * @param size page size
	 * @param parkedDeliveries the page
	 */
	public record PaidWebhooksDescriptor(long pending, long handled, long parked, long skipped,
			double oldestPendingAgeSeconds, int page, int size, List<ParkedWebhookDescriptor> parkedDeliveries) {

	}

	/**
	 * A parked delivery, without its body.
	 *
	 * @param id the id to retry or skip it with
	 * @param event the event name
	 * @param dedupKey its deduplication key
	 * @param attempts failed attempts
	 * @param deliveries how many times Paid delivered it
	 * @param receivedAt when it first arrived
	 * @param parkedAt when it was parked
	 * @param lastError the last failure
	 */
	public record ParkedWebhookDescriptor(long id, String event, String dedupKey, int attempts, int deliveries,
			Instant receivedAt, @Nullable Instant parkedAt, @Nullable String lastError) {

		static ParkedWebhookDescriptor of(WebhookInboxEntry entry) {
			return new ParkedWebhookDescriptor(entry.id(), entry.event(), entry.dedupKey(), entry.attempts(),
					entry.deliveries(), entry.receivedAt(), entry.finishedAt(), entry.lastError());
		}

	}

}
