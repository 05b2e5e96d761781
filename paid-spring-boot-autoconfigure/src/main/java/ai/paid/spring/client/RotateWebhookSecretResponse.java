package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Paid's answer to {@code POST /webhooks/rotate-secret}: the new signing secret, shown only this once. Deliveries are
 * signed with it from now on; keep the previous one in {@code paid.webhooks.previous-signing-secrets} until every
 * instance has the new one.
 *
 * @param signingSecret the new secret
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RotateWebhookSecretResponse(String signingSecret) {

	@Override
	public String toString() {
		return "RotateWebhookSecretResponse[signingSecret=******]";
	}

}
