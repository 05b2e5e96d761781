package ai.paid.spring.webhook;

/**
 * The receiver's answer to a delivery: status and a short plain-text body.
 *
 * @param status the HTTP status
 * @param body the body
 */
public record WebhookReceipt(int status, String body) {

	static final WebhookReceipt ACCEPTED = new WebhookReceipt(200, "accepted");

	static final WebhookReceipt DUPLICATE = new WebhookReceipt(200, "duplicate");

	static final WebhookReceipt INVALID_SIGNATURE = new WebhookReceipt(400, "invalid signature");

	static final WebhookReceipt INVALID_PAYLOAD = new WebhookReceipt(400, "invalid payload");

	static final WebhookReceipt TOO_LARGE = new WebhookReceipt(413, "payload too large");

	static final WebhookReceipt UNAVAILABLE = new WebhookReceipt(503, "temporarily unavailable");

}
