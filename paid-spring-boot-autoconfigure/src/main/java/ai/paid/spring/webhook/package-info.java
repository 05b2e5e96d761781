/**
 * Receiving Paid's webhooks: signature verification over the raw body, a durable, deduplicated inbox table written in
 * the request's transaction, and handlers ({@link ai.paid.spring.webhook.PaidWebhookListener} methods and typed Spring
 * events) run after commit from that table, once, with retries and parking.
 */
@NullMarked
package ai.paid.spring.webhook;

import org.jspecify.annotations.NullMarked;
