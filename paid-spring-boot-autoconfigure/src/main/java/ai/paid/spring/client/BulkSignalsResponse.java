package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Paid's answer to {@code POST /signals/bulk}: counts only, Paid does not say which signal failed.
 *
 * @param ingested signals stored
 * @param duplicates signals skipped because their idempotency key was seen before
 * @param failed signals rejected
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BulkSignalsResponse(int ingested, int duplicates, int failed) {

}
