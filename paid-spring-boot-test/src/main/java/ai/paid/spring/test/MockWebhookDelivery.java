package ai.paid.spring.test;

/**
 * A webhook delivery the mock sent, and the application's answer.
 *
 * @param url where it was posted
 * @param event the event name
 * @param body the raw body, exactly as sent and signed
 * @param signature the {@code x-webhook-signature} header sent
 * @param status the application's HTTP status
 * @param response the application's response body
 */
public record MockWebhookDelivery(String url, String event, String body, String signature, int status,
		String response) {

	/**
	 * Whether the application answered 2xx.
	 * @return whether it accepted the delivery
	 */
	public boolean accepted() {
		return this.status >= 200 && this.status < 300;
	}

}
