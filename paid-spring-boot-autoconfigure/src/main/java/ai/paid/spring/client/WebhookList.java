package ai.paid.spring.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Paid's answer to {@code GET /webhooks}.
 *
 * @param data the webhooks, one per event name
 * @param signingSecretConfigured whether the organization has a signing secret yet (it is created by the first save)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookList(List<Webhook> data, boolean signingSecretConfigured) {

}
