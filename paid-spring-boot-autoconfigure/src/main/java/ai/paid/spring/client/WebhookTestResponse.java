package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Paid's answer to {@code POST /webhooks/{webhookName}/test}.
 *
 * @param success whether the test delivery got a 2xx answer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookTestResponse(boolean success) {

}
