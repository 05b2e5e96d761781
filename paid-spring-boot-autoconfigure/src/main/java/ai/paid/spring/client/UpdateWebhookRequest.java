package ai.paid.spring.client;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PATCH /webhooks/{webhookName}}: only the fields given are sent.
 *
 * @param enabled whether Paid sends the webhook, {@code null} to leave it
 * @param url where Paid sends it, {@code null} to leave it (see {@link #clearUrl()})
 * @param clearUrl whether to send {@code "url": null}, removing the URL
 */
public record UpdateWebhookRequest(@Nullable Boolean enabled, @Nullable String url, boolean clearUrl) {

	/**
	 * Checks that the URL is not both set and cleared.
	 * @param enabled whether Paid sends the webhook, {@code null} to leave it
	 * @param url where Paid sends it, {@code null} to leave it
	 * @param clearUrl whether to send {@code "url": null}
	 */
	public UpdateWebhookRequest {
		if (clearUrl && url != null) {
			throw new IllegalArgumentException("UpdateWebhookRequest cannot both set url and clear it");
		}
	}

	/**
	 * A request that points the webhook at a URL and enables it.
	 * @param url where Paid should send it
	 * @return the request
	 */
	public static UpdateWebhookRequest enable(String url) {
		return new UpdateWebhookRequest(true, url, false);
	}

	/**
	 * A request that disables the webhook and keeps its URL.
	 * @return the request
	 */
	public static UpdateWebhookRequest disable() {
		return new UpdateWebhookRequest(false, null, false);
	}

	Map<String, @Nullable Object> toWire() {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		if (this.enabled != null) {
			body.put("enabled", this.enabled);
		}
		if (this.url != null || this.clearUrl) {
			body.put("url", this.url);
		}
		return body;
	}

}
