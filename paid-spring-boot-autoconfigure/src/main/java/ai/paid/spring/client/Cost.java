package ai.paid.spring.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One cost of {@code POST /costs/bulk}, in either of Paid's two forms, told apart by {@code type}:
 * <ul>
 * <li>{@code "cost"}: money already computed ({@code amount} in major units and {@code currency} required,
 * {@code vendor} and {@code model} for analytics only);</li>
 * <li>{@code "usage"}: token usage that Paid prices per {@code vendor} and {@code model} (both required, with
 * {@code usage}); {@code costOverride} replaces Paid's price while the usage is still recorded.</li>
 * </ul>
 * Create one with {@link #money} or {@link #usage}. Costs carry no idempotency key: Paid's cost types have none.
 *
 * @param type {@code "cost"} or {@code "usage"}
 * @param customer the customer (required)
 * @param product the product
 * @param timestamp when the cost was incurred; Paid uses the time it receives it when absent
 * @param metadata free-form metadata; the starter puts {@code paid_scope_id} here to attach costs to a signal
 * @param amount money in major units ({@code "cost"} only)
 * @param currency ISO 4217 code ({@code "cost"} only)
 * @param vendor the vendor, e.g. {@code openai}
 * @param model the provider's exact model id
 * @param usage token counts ({@code "usage"} only)
 * @param costOverride price that overrides Paid's ({@code "usage"} only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cost(String type, SignalCustomer customer, @Nullable SignalAttribution product,
		@Nullable Instant timestamp, @Nullable Map<String, Object> metadata, @Nullable BigDecimal amount,
		@Nullable String currency, @Nullable String vendor, @Nullable String model, @Nullable TokenUsage usage,
		@Nullable CostAmount costOverride) {

	/** The {@code type} of a cost in money. */
	public static final String MONEY = "cost";

	/** The {@code type} of a cost in usage. */
	public static final String USAGE = "usage";

	/**
	 * A cost in money.
	 * @param customer the customer
	 * @param product the product, or {@code null}
	 * @param timestamp when it was incurred, or {@code null}
	 * @param metadata metadata, or {@code null}
	 * @param amount major units
	 * @param currency ISO 4217 code
	 * @param vendor the vendor, or {@code null}
	 * @param model the model, or {@code null}
	 * @return the cost
	 */
	public static Cost money(SignalCustomer customer, @Nullable SignalAttribution product, @Nullable Instant timestamp,
			@Nullable Map<String, Object> metadata, BigDecimal amount, String currency, @Nullable String vendor,
			@Nullable String model) {
		return new Cost(MONEY, customer, product, timestamp, metadata, amount, currency, vendor, model, null, null);
	}

	/**
	 * A cost in usage, priced by Paid.
	 * @param customer the customer
	 * @param product the product, or {@code null}
	 * @param timestamp when it was incurred, or {@code null}
	 * @param metadata metadata, or {@code null}
	 * @param vendor the vendor
	 * @param model the provider's exact model id
	 * @param usage the token counts
	 * @return the cost
	 */
	public static Cost usage(SignalCustomer customer, @Nullable SignalAttribution product, @Nullable Instant timestamp,
			@Nullable Map<String, Object> metadata, String vendor, String model, TokenUsage usage) {
		return new Cost(USAGE, customer, product, timestamp, metadata, null, null, vendor, model, usage, null);
	}

}
