package ai.paid.spring.client;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One usage signal of {@code POST /signals/bulk}.
 *
 * @param eventName event name; must match a pricing {@code eventName} to be billed (required)
 * @param customer the customer (required)
 * @param attribution the product
 * @param timestamp when the event happened; Paid uses its own time when absent
 * @param data free-form payload ({@code quantity}, {@code costData}, ...)
 * @param idempotencyKey deduplication key; a repeat is counted in {@link BulkSignalsResponse#duplicates()} and makes
 * resending a batch safe
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Signal(String eventName, SignalCustomer customer, @Nullable SignalAttribution attribution,
		@Nullable Instant timestamp, @Nullable Map<String, Object> data, @Nullable String idempotencyKey) {

}
