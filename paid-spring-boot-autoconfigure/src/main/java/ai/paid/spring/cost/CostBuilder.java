package ai.paid.spring.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.SignalAttribution;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.client.TokenUsage;
import ai.paid.spring.signal.CostScope;
import ai.paid.spring.signal.PaidAttribution;
import ai.paid.spring.signal.PaidContext;

/**
 * One cost being described; {@link #record()} hands it over. Customer and product not set here come from the current
 * {@link PaidContext} when {@link #record()} is called. Not thread-safe; not meant to be kept.
 */
public final class CostBuilder {

	/** The metadata key of the scope id that ties a cost to the signal claiming it. */
	public static final String PAID_SCOPE_ID = "paid_scope_id";

	private final PaidCosts costs;

	private final String vendor;

	private final @Nullable String model;

	private final @Nullable BigDecimal amount;

	private final @Nullable String currency;

	private @Nullable SignalCustomer customer;

	private @Nullable SignalAttribution product;

	private @Nullable Instant timestamp;

	private @Nullable Map<String, Object> metadata;

	private @Nullable Long inputTokens;

	private @Nullable Long outputTokens;

	private @Nullable Long cacheReadInputTokens;

	private @Nullable Long cacheCreationInputTokens;

	private @Nullable Long reasoningOutputTokens;

	private @Nullable String moneyModel;

	private boolean recorded;

	private CostBuilder(PaidCosts costs, String vendor, @Nullable String model, @Nullable BigDecimal amount,
			@Nullable String currency) {
		this.costs = costs;
		this.vendor = requireText(vendor, "vendor");
		this.model = model;
		this.amount = amount;
		this.currency = currency;
	}

	static CostBuilder usage(PaidCosts costs, String vendor, String model) {
		return new CostBuilder(costs, vendor, requireText(model, "model"), null, null);
	}

	static CostBuilder money(PaidCosts costs, String vendor, BigDecimal amount, String currency) {
		if (amount == null || amount.signum() < 0) {
			throw new IllegalArgumentException("amount must be zero or more, was " + amount);
		}
		if (currency == null || !currency.matches("[A-Za-z]{3}")) {
			throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD, was '" + currency + "'");
		}
		return new CostBuilder(costs, vendor, null, amount, currency.toUpperCase(Locale.ROOT));
	}

	/**
	 * The customer by your own id.
	 * @param externalCustomerId your customer id
	 * @return this builder
	 */
	public CostBuilder customer(String externalCustomerId) {
		this.customer = SignalCustomer.byExternalId(requireText(externalCustomerId, "customer"));
		return this;
	}

	/**
	 * The customer by Paid id.
	 * @param paidCustomerId Paid customer id
	 * @return this builder
	 */
	public CostBuilder customerId(String paidCustomerId) {
		this.customer = SignalCustomer.byId(requireText(paidCustomerId, "customerId"));
		return this;
	}

	/**
	 * The product by your own id.
	 * @param externalProductId your product id
	 * @return this builder
	 */
	public CostBuilder product(String externalProductId) {
		this.product = SignalAttribution.byExternalId(requireText(externalProductId, "product"));
		return this;
	}

	/**
	 * The product by Paid id.
	 * @param paidProductId Paid product id
	 * @return this builder
	 */
	public CostBuilder productId(String paidProductId) {
		this.product = SignalAttribution.byId(requireText(paidProductId, "productId"));
		return this;
	}

	/**
	 * When the cost was incurred; defaults to the time of {@link #record()}.
	 * @param timestamp the time
	 * @return this builder
	 */
	public CostBuilder timestamp(Instant timestamp) {
		if (timestamp == null) {
			throw new IllegalArgumentException("timestamp must not be null");
		}
		this.timestamp = timestamp;
		return this;
	}

	/**
	 * One entry of the cost's free-form metadata.
	 * @param key the key
	 * @param value the value; must serialise to JSON
	 * @return this builder
	 */
	public CostBuilder metadata(String key, Object value) {
		if (this.metadata == null) {
			this.metadata = new LinkedHashMap<>();
		}
		this.metadata.put(requireText(key, "metadata key"), value);
		return this;
	}

	/**
	 * The model of a cost in money, for Paid's analytics.
	 * @param model the model id
	 * @return this builder
	 */
	public CostBuilder model(String model) {
		requireMoney("model");
		this.moneyModel = requireText(model, "model");
		return this;
	}

	/**
	 * Input tokens not read from a cache.
	 * @param tokens the count
	 * @return this builder
	 */
	public CostBuilder inputTokens(long tokens) {
		this.inputTokens = count(tokens, "inputTokens");
		return this;
	}

	/**
	 * Output tokens.
	 * @param tokens the count
	 * @return this builder
	 */
	public CostBuilder outputTokens(long tokens) {
		this.outputTokens = count(tokens, "outputTokens");
		return this;
	}

	/**
	 * Input tokens read from the provider's prompt cache.
	 * @param tokens the count
	 * @return this builder
	 */
	public CostBuilder cacheReadInputTokens(long tokens) {
		this.cacheReadInputTokens = count(tokens, "cacheReadInputTokens");
		return this;
	}

	/**
	 * Input tokens written to the provider's prompt cache.
	 * @param tokens the count
	 * @return this builder
	 */
	public CostBuilder cacheCreationInputTokens(long tokens) {
		this.cacheCreationInputTokens = count(tokens, "cacheCreationInputTokens");
		return this;
	}

	/**
	 * Output tokens spent on reasoning.
	 * @param tokens the count
	 * @return this builder
	 */
	public CostBuilder reasoningOutputTokens(long tokens) {
		this.reasoningOutputTokens = count(tokens, "reasoningOutputTokens");
		return this;
	}

	/**
	 * Completes the cost (customer and product from the current {@link PaidContext} when not set, the scope id of
	 * that context, timestamp now) and hands it over.
	 * @return the cost as it will be sent
	 * @throws IllegalStateException when neither the cost nor the context names a customer
	 */
	public Cost record() {
		if (this.recorded) {
			throw new IllegalStateException("This cost was already recorded");
		}
		PaidAttribution context = PaidContext.current();
		SignalCustomer customer = (this.customer != null) ? this.customer
				: (context != null) ? context.customer() : null;
		if (customer == null) {
			throw new IllegalStateException("A cost of vendor '" + this.vendor + "' names no customer: call "
					+ "customer(...) or record it inside PaidContext.customer(...)");
		}
		SignalAttribution product = (this.product != null) ? this.product
				: (context != null) ? context.product() : null;
		Map<String, Object> metadata = withScope(this.metadata, context, customer);
		Instant timestamp = (this.timestamp != null) ? this.timestamp : Instant.now();
		Cost cost = (this.amount != null && this.currency != null)
				? Cost.money(customer, product, timestamp, metadata, this.amount, this.currency, this.vendor,
						this.moneyModel)
				: Cost.usage(customer, product, timestamp, metadata, this.vendor, Objects.requireNonNull(this.model),
						new TokenUsage(this.inputTokens, this.outputTokens, this.cacheReadInputTokens,
								this.cacheCreationInputTokens, this.reasoningOutputTokens));
		this.recorded = true;
		this.costs.record(cost);
		return cost;
	}

	/**
	 * The metadata with the context's scope id, when the cost is for the context's customer.
	 */
	static @Nullable Map<String, Object> withScope(@Nullable Map<String, Object> metadata,
			@Nullable PaidAttribution context, SignalCustomer customer) {
		CostScope scope = (context != null) ? context.costScope() : null;
		if (scope == null || !customer.equals(Objects.requireNonNull(context).customer())) {
			return (metadata != null) ? Collections.unmodifiableMap(metadata) : null;
		}
		Map<String, Object> scoped = (metadata != null) ? new LinkedHashMap<>(metadata) : new LinkedHashMap<>();
		scoped.put(PAID_SCOPE_ID, scope.id());
		return Collections.unmodifiableMap(scoped);
	}

	private void requireMoney(String what) {
		if (this.amount == null) {
			throw new IllegalStateException(what + " applies to costs in money; a usage cost names its model in "
					+ "usage(vendor, model)");
		}
	}

	private long count(long tokens, String name) {
		if (this.amount != null) {
			throw new IllegalStateException(name + " applies to costs in usage; this cost is in money");
		}
		if (tokens < 0) {
			throw new IllegalArgumentException(name + " must be zero or more, was " + tokens);
		}
		return tokens;
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

}
