package ai.paid.spring.signal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import ai.paid.spring.client.Signal;
import ai.paid.spring.client.SignalAttribution;
import ai.paid.spring.client.SignalCustomer;

/**
 * One signal being described; {@link #send()} hands it over. Customer and product not set here come from the current
 * {@link PaidContext} scope when {@link #send()} is called. A builder sends once; it is not thread-safe and not meant
 * to be kept.
 */
public final class SignalBuilder {

	/** The {@code data} key {@link #quantity(Number)} writes: Paid multiplies credit cost by it. */
	public static final String QUANTITY = "quantity";

	/** The {@code data} key {@link #user(String)} writes, the seed guide's key for a user's seat. */
	public static final String EXTERNAL_USER_ID = "external_user_id";

	/** The {@code data} key under which {@link #withCosts()} writes {@value #PAID_SCOPE_ID}. */
	public static final String PAID = "paid";

	/** The key of the scope id in {@code data.paid}, as Paid's SDKs send it. */
	public static final String PAID_SCOPE_ID = "paid_scope_id";

	private static final int MAX_KEY_LENGTH = 128;

	private final PaidSignals signals;

	private final String eventName;

	private @Nullable SignalCustomer customer;

	private @Nullable SignalAttribution product;

	private @Nullable Map<String, @Nullable Object> data;

	private @Nullable Instant timestamp;

	private @Nullable String idempotencyKey;

	private boolean sent;

	private boolean withCosts;

	SignalBuilder(PaidSignals signals, String eventName) {
		if (eventName == null || eventName.isBlank()) {
			throw new IllegalArgumentException("Signal event name must not be blank");
		}
		this.signals = signals;
		this.eventName = eventName;
	}

	/**
	 * The customer by your own id ({@code customer.externalCustomerId}).
	 * @param externalCustomerId your customer id
	 * @return this builder
	 */
	public SignalBuilder customer(String externalCustomerId) {
		this.customer = SignalCustomer.byExternalId(requireText(externalCustomerId, "customer"));
		return this;
	}

	/**
	 * The customer by Paid id ({@code customer.customerId}).
	 * @param paidCustomerId Paid customer id
	 * @return this builder
	 */
	public SignalBuilder customerId(String paidCustomerId) {
		this.customer = SignalCustomer.byId(requireText(paidCustomerId, "customerId"));
		return this;
	}

	/**
	 * The product by your own id ({@code attribution.externalProductId}).
	 * @param externalProductId your product id
	 * @return this builder
	 */
	public SignalBuilder product(String externalProductId) {
		this.product = SignalAttribution.byExternalId(requireText(externalProductId, "product"));
		return this;
	}

	/**
	 * The product by Paid id ({@code attribution.productId}).
	 * @param paidProductId Paid product id
	 * @return this builder
	 */
	public SignalBuilder productId(String paidProductId) {
		this.product = SignalAttribution.byId(requireText(paidProductId, "productId"));
		return this;
	}

	/**
	 * One entry of the free-form {@code data} object. The value must serialise to JSON; it is serialised when the
	 * signal is sent, so do not change it afterwards.
	 * @param key the key
	 * @param value the value
	 * @return this builder
	 */
	public SignalBuilder data(String key, @Nullable Object value) {
		data().put(requireText(key, "data key"), value);
		return this;
	}

	/**
	 * Entries of the free-form {@code data} object, added to those already set.
	 * @param entries the entries
	 * @return this builder
	 */
	public SignalBuilder data(Map<String, ?> entries) {
		entries.forEach(this::data);
		return this;
	}

	/**
	 * {@code data.quantity}: the credit multiplier when the product's pricing maps {@code $.quantity}.
	 * @param quantity how many units the event stands for
	 * @return this builder
	 */
	public SignalBuilder quantity(Number quantity) {
		if (quantity == null) {
			throw new IllegalArgumentException("quantity must not be null");
		}
		return data(QUANTITY, quantity);
	}

	/**
	 * {@code data.external_user_id}: the user (your id) the event is attributed to, for seat-based pricing. The key
	 * follows Paid's seed guide; the v2 API reference does not list it.
	 * @param externalUserId your user id
	 * @return this builder
	 */
	public SignalBuilder user(String externalUserId) {
		return data(EXTERNAL_USER_ID, requireText(externalUserId, "user"));
	}

	/**
	 * When the event happened; defaults to the time of {@link #send()}.
	 * @param timestamp the event time
	 * @return this builder
	 */
	public SignalBuilder timestamp(Instant timestamp) {
		if (timestamp == null) {
			throw new IllegalArgumentException("timestamp must not be null");
		}
		this.timestamp = timestamp;
		return this;
	}

	/**
	 * Paid's deduplication key (at most 128 characters). Give one derived from your own data (e.g. the meeting id)
	 * when the same event may be emitted twice; otherwise a unique key is generated at {@link #send()} and reused by
	 * every retry.
	 * @param idempotencyKey the key
	 * @return this builder
	 */
	public SignalBuilder idempotencyKey(String idempotencyKey) {
		requireText(idempotencyKey, "idempotencyKey");
		if (idempotencyKey.length() > MAX_KEY_LENGTH) {
			throw new IllegalArgumentException(
					"idempotencyKey must be at most " + MAX_KEY_LENGTH + " characters, was " + idempotencyKey.length());
		}
		this.idempotencyKey = idempotencyKey;
		return this;
	}

	/**
	 * Claims the costs recorded in the current {@link PaidContext} scope since the previous claiming signal (Paid's
	 * {@code cost_attributed_signal}): the scope's {@code paid_scope_id}, which every such cost carries, goes in
	 * {@code data.paid.paid_scope_id}, and the scope gets a new id for the costs recorded afterwards.
	 * @return this builder
	 */
	public SignalBuilder withCosts() {
		this.withCosts = true;
		return this;
	}

	/**
	 * Completes the signal (customer and product from the current {@link PaidContext} when not set, timestamp now,
	 * generated idempotency key) and hands it over: to the outbox inside a transaction, to the in-memory batcher
	 * otherwise.
	 * @return the signal as it will be sent
	 * @throws SignalCustomerMissingException when neither the signal nor the context names a customer
	 * @throws SignalBufferFullException when the in-memory buffer is full and its overflow policy gives up
	 */
	public Signal send() {
		if (this.sent) {
			throw new IllegalStateException("Signal '" + this.eventName + "' was already sent");
		}
		PaidAttribution context = PaidContext.current();
		SignalCustomer customer = (this.customer != null) ? this.customer
				: (context != null) ? context.customer() : null;
		if (customer == null) {
			throw new SignalCustomerMissingException(this.eventName);
		}
		SignalAttribution product = (this.product != null) ? this.product
				: (context != null) ? context.product() : null;
		if (context != null && context.user() != null
				&& (this.data == null || !this.data.containsKey(EXTERNAL_USER_ID))) {
			data().put(EXTERNAL_USER_ID, context.user());
		}
		if (this.withCosts) {
			claimCosts(context);
		}
		Signal signal = new Signal(this.eventName, customer, product,
				(this.timestamp != null) ? this.timestamp : Instant.now(),
				(this.data != null) ? Collections.unmodifiableMap(this.data) : null,
				(this.idempotencyKey != null) ? this.idempotencyKey : IdempotencyKeys.next());
		this.sent = true;
		this.signals.accept(signal);
		return signal;
	}

	private void claimCosts(@Nullable PaidAttribution context) {
		CostScope scope = (context != null) ? context.costScope() : null;
		if (scope == null) {
			throw new IllegalStateException("Signal '" + this.eventName + "' claims its costs (withCosts()) but is "
					+ "sent outside any PaidContext scope. Costs are tied to a signal through the scope they were "
					+ "recorded in: record them and send the signal inside PaidContext.customer(...).run(...)");
		}
		Map<String, @Nullable Object> paid = new LinkedHashMap<>();
		if (this.data != null && this.data.get(PAID) instanceof Map<?, ?> given) {
			given.forEach((key, value) -> paid.put(String.valueOf(key), value));
		}
		paid.put(PAID_SCOPE_ID, scope.rotate());
		data().put(PAID, paid);
	}

	private Map<String, @Nullable Object> data() {
		if (this.sent) {
			throw new IllegalStateException("Signal '" + this.eventName + "' was already sent");
		}
		if (this.data == null) {
			this.data = new LinkedHashMap<>();
		}
		return this.data;
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

}
