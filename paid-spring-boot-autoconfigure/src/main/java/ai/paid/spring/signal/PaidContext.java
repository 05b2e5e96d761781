package ai.paid.spring.signal;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import ai.paid.spring.client.SignalAttribution;
import ai.paid.spring.client.SignalCustomer;

/**
 * Attribution scopes, the Java form of the Paid SDKs' {@code trace()}: signals emitted inside a scope without their own
 * customer, product or user take the scope's; the user goes to {@code data.external_user_id}.
 *
 * <pre class="code">
 * try (var scope = PaidContext.customer("acme").product("ai-sdr").open()) {
 *     signals.emit("email_sent").send();
 * }
 * PaidContext.customer("acme").run(() -&gt; signals.emit("email_sent").send());
 * </pre>
 *
 * Scopes nest: an inner scope that names only a product keeps the outer customer. The scope lives in a thread local
 * that Micrometer context propagation carries to other threads: for {@code @Async} set
 * {@code spring.task.execution.propagate-context=true}, for Reactor set {@code spring.reactor.context-propagation=auto}
 * (or call {@code contextCapture()} on the chain).
 */
public final class PaidContext {

	private static final ThreadLocal<PaidAttribution> CURRENT = new ThreadLocal<>();

	private PaidContext() {
	}

	/**
	 * Starts a scope for a customer by your own id ({@code externalCustomerId} on the wire).
	 * @param externalCustomerId your customer id
	 * @return a scope builder
	 */
	public static Builder customer(String externalCustomerId) {
		return new Builder().customer(externalCustomerId);
	}

	/**
	 * Starts a scope for a customer by Paid id ({@code customerId} on the wire).
	 * @param paidCustomerId Paid customer id
	 * @return a scope builder
	 */
	public static Builder customerId(String paidCustomerId) {
		return new Builder().customerId(paidCustomerId);
	}

	/**
	 * Starts a scope for a product by your own id ({@code externalProductId} on the wire).
	 * @param externalProductId your product id
	 * @return a scope builder
	 */
	public static Builder product(String externalProductId) {
		return new Builder().product(externalProductId);
	}

	/**
	 * Starts a scope for a product by Paid id ({@code productId} on the wire).
	 * @param paidProductId Paid product id
	 * @return a scope builder
	 */
	public static Builder productId(String paidProductId) {
		return new Builder().productId(paidProductId);
	}

	/**
	 * Starts a scope for the acting user, your id of a user of the customer: every signal emitted in it carries
	 * {@code data.external_user_id} (unless the signal names its own user).
	 * @param externalUserId your user id, e.g. {@code usr_jane_doe}
	 * @return a scope builder
	 */
	public static Builder user(String externalUserId) {
		return new Builder().user(externalUserId);
	}

	/**
	 * The attribution of the innermost open scope on this thread.
	 * @return the current attribution, {@code null} outside any scope
	 */
	public static @Nullable PaidAttribution current() {
		return CURRENT.get();
	}

	/**
	 * Makes {@code attribution} current (as captured elsewhere) until the returned scope is closed.
	 */
	static Scope enter(@Nullable PaidAttribution attribution) {
		PaidAttribution previous = CURRENT.get();
		set(attribution);
		return new Scope(previous);
	}

	static void set(@Nullable PaidAttribution attribution) {
		if (attribution != null) {
			CURRENT.set(attribution);
		}
		else {
			CURRENT.remove();
		}
	}

	/**
	 * Collects the attribution of a scope; {@link #open()}, {@link #run(Runnable)}, {@link #call(Callable)} or
	 * {@link #get(Supplier)} enter it.
	 */
	public static final class Builder {

		private @Nullable SignalCustomer customer;

		private @Nullable SignalAttribution product;

		private @Nullable String user;

		private Builder() {
		}

		/**
		 * The acting user, sent as {@code data.external_user_id}.
		 * @param externalUserId your user id
		 * @return this builder
		 */
		public Builder user(String externalUserId) {
			this.user = requireText(externalUserId, "externalUserId");
			return this;
		}

		/**
		 * The customer by your own id.
		 * @param externalCustomerId your customer id
		 * @return this builder
		 */
		public Builder customer(String externalCustomerId) {
			this.customer = SignalCustomer.byExternalId(requireText(externalCustomerId, "externalCustomerId"));
			return this;
		}

		/**
		 * The customer by Paid id.
		 * @param paidCustomerId Paid customer id
		 * @return this builder
		 */
		public Builder customerId(String paidCustomerId) {
			this.customer = SignalCustomer.byId(requireText(paidCustomerId, "paidCustomerId"));
			return this;
		}

		/**
		 * The product by your own id.
		 * @param externalProductId your product id
		 * @return this builder
		 */
		public Builder product(String externalProductId) {
			this.product = SignalAttribution.byExternalId(requireText(externalProductId, "externalProductId"));
			return this;
		}

		/**
		 * The product by Paid id.
		 * @param paidProductId Paid product id
		 * @return this builder
		 */
		public Builder productId(String paidProductId) {
			this.product = SignalAttribution.byId(requireText(paidProductId, "paidProductId"));
			return this;
		}

		/**
		 * Enters the scope on this thread until the returned scope is closed; use it in try-with-resources.
		 * @return the open scope
		 */
		public Scope open() {
			PaidAttribution previous = CURRENT.get();
			PaidAttribution own = new PaidAttribution(this.customer, this.product, this.user);
			set(((previous != null) ? previous.overlaidWith(own) : own).withCostScope());
			return new Scope(previous);
		}

		/**
		 * Runs the action inside the scope.
		 * @param action what to run
		 */
		public void run(Runnable action) {
			try (Scope scope = open()) {
				action.run();
			}
		}

		/**
		 * Computes a value inside the scope.
		 * @param <T> the value type
		 * @param supplier what to compute
		 * @return the supplier's value
		 */
		public <T> T get(Supplier<T> supplier) {
			try (Scope scope = open()) {
				return supplier.get();
			}
		}

		/**
		 * Calls the callable inside the scope.
		 * @param <T> the value type
		 * @param callable what to call
		 * @return the callable's value
		 * @throws Exception what the callable throws
		 */
		public <T> T call(Callable<T> callable) throws Exception {
			try (Scope scope = open()) {
				return callable.call();
			}
		}

		private static String requireText(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be blank");
			}
			return value;
		}

	}

	/**
	 * An open scope; closing it restores the attribution that was current when it was opened.
	 */
	public static final class Scope implements AutoCloseable {

		private final @Nullable PaidAttribution previous;

		private boolean closed;

		private Scope(@Nullable PaidAttribution previous) {
			this.previous = previous;
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				set(this.previous);
			}
		}

	}

}
