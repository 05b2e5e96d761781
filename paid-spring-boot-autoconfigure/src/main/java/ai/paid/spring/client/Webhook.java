package ai.paid.spring.client;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One of Paid's webhooks (one per event name) as {@code GET /webhooks} returns it.
 *
 * @param id Paid's id of the webhook
 * @param name the event name, e.g. {@code billing-invoice-paid}
 * @param description what the event means
 * @param enabled whether Paid sends it
 * @param url where Paid sends it, {@code null} when not set
 * @param lastSentAt when Paid last sent it
 * @param lastStatus {@code success} or {@code failed}, for the last delivery
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Webhook(@Nullable String id, String name, @Nullable String description, boolean enabled,
		@Nullable String url, @Nullable OffsetDateTime lastSentAt, @Nullable String lastStatus) {

}
