package ai.paid.spring.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A verified, stored webhook delivery as handlers see it: Paid's envelope ({@code event}, {@code timestamp},
 * {@code isTest}, {@code data}) plus where it is in the inbox. Public so that tests can build events.
 *
 * @param id the inbox row id
 * @param dedupKey the key redeliveries are recognised by: the event name and the business id in {@code data}
 * @param event the event name, e.g. {@code billing-invoice-paid}
 * @param timestamp the envelope's {@code timestamp}, {@code null} when absent or unreadable
 * @param test the envelope's {@code isTest}
 * @param data the envelope's {@code data} object
 * @param attempt this handling attempt, from 1
 */
public record PaidWebhookDelivery(long id, String dedupKey, String event, @Nullable Instant timestamp, boolean test,
		JsonNode data, int attempt) {

}
