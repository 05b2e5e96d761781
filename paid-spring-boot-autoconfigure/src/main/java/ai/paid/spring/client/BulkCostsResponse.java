package ai.paid.spring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Paid's answer to {@code POST /costs/bulk}. The batch is all-or-nothing: a malformed cost makes Paid reject the
 * whole request with 400, so an answer means every cost was taken.
 *
 * @param ingested costs stored
 * @param duplicates costs Paid had seen before (documented, though costs carry no idempotency key)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BulkCostsResponse(int ingested, int duplicates) {

}
