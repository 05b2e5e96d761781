package ai.paid.spring.client;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Paid's answer to {@code PATCH /webhooks/{webhookName}}: the webhook, plus the organization's signing secret on the
 * first save, which created it (shown only this once).
 *
 * @param id Paid's id of the webhook
 * @param name the event name
 * @param description what the event means
 * @param enabled whether Paid sends it
 * @param url where Paid sends it
 * @param lastSentAt when Paid last sent it
 * @param lastStatus {@code success} or {@code failed}
 * @param signingSecret the new signing secret, only on the save that created it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookUpdateResponse(@Nullable String id, String name, @Nullable String description, boolean enabled,
		@Nullable String url, @Nullable OffsetDateTime lastSentAt, @Nullable String lastStatus,
		@Nullable String signingSecret) {

	@Override
	public String toString() {
		return "WebhookUpdateResponse[name=" + this.name + ", enabled=" + this.enabled + ", url=" + this.url
				+ ", signingSecret=" + ((this.signingSecret != null) ? "******" : "<none>") + "]";
	}

}
