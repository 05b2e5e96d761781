package ai.paid.spring.webhook;

/**
 * An inbox row claimed for handling by one instance.
 *
 * @param id the row id
 * @param dedupKey its deduplication key
 * @param event the event name
 * @param body the verified raw body
 * @param attempt this attempt, from 1
 * @param token the claim's lease token; only its holder may finish the row
 */
record ClaimedWebhook(long id, String dedupKey, String event, String body, int attempt, String token) {

}
