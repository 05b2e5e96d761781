package ai.paid.spring.credits;

import tools.jackson.databind.JsonNode;

import ai.paid.spring.webhook.PaidCreditsDepletedEvent;

import org.springframework.context.event.EventListener;

/**
 * Forgets a customer's cached balances when Paid reports its credits depleted, so that the next
 * {@link PaidCredits#hasCredits} asks Paid. Which field of the event's {@code credits} object names the customer is
 * not documented: a Paid id ({@code customerId}) or your id ({@code externalCustomerId} or
 * {@code customerExternalId}) evicts that customer, anything else every customer.
 */
public final class CreditsDepletedEviction {

	private final PaidCredits credits;

	/**
	 * Create the listener; the auto-configuration does this when webhooks are received.
	 * @param credits the cache to evict from
	 */
	public CreditsDepletedEviction(PaidCredits credits) {
		this.credits = credits;
	}

	/**
	 * Evicts the customer the event names.
	 * @param event the verified webhook
	 */
	@EventListener
	public void creditsDepleted(PaidCreditsDepletedEvent event) {
		JsonNode credits = event.credits();
		String paidId = text(credits, "customerId");
		String externalId = (text(credits, "externalCustomerId") != null) ? text(credits, "externalCustomerId")
				: text(credits, "customerExternalId");
		if (paidId != null) {
			this.credits.evictById(paidId);
		}
		if (externalId != null) {
			this.credits.evict(externalId);
		}
		if (paidId == null && externalId == null) {
			this.credits.evictAll();
		}
	}

	private static @org.jspecify.annotations.Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isBlank() ? value.asString() : null;
	}

}
