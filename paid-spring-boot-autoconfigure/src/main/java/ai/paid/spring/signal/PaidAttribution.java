package ai.paid.spring.signal;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import ai.paid.spring.client.SignalAttribution;
import ai.paid.spring.client.SignalCustomer;

/**
 * The customer, product and acting user that signals and costs recorded in a {@link PaidContext} scope are attributed
 * to, and the scope's {@link CostScope} that ties costs to the signal claiming them.
 * <p>
 * Equality compares customer, product and user only: the cost scope is the state of one open scope, not part of the
 * attribution's value.
 *
 * @param customer the customer, {@code null} when the scope names none
 * @param product the product, {@code null} when the scope names none
 * @param user your id of the acting user (a user of the customer, sent as {@code data.external_user_id}),
 * {@code null} when the scope names none
 * @param costScope the scope's cost scope, {@code null} for an attribution made outside {@link PaidContext}
 */
public record PaidAttribution(@Nullable SignalCustomer customer, @Nullable SignalAttribution product,
		@Nullable String user, @Nullable CostScope costScope) {

	/**
	 * An attribution without a user or a cost scope.
	 * @param customer the customer, or {@code null}
	 * @param product the product, or {@code null}
	 */
	public PaidAttribution(@Nullable SignalCustomer customer, @Nullable SignalAttribution product) {
		this(customer, product, null, null);
	}

	/**
	 * An attribution without a cost scope.
	 * @param customer the customer, or {@code null}
	 * @param product the product, or {@code null}
	 * @param user the acting user, or {@code null}
	 */
	public PaidAttribution(@Nullable SignalCustomer customer, @Nullable SignalAttribution product,
			@Nullable String user) {
		this(customer, product, user, null);
	}

	/**
	 * This attribution with the fields of {@code inner} laid over it: an inner scope that names only a product keeps
	 * the outer scope's customer. It keeps the outer cost scope unless it names another customer.
	 */
	PaidAttribution overlaidWith(PaidAttribution inner) {
		boolean sameCustomer = inner.customer == null || inner.customer.equals(this.customer);
		return new PaidAttribution(sameCustomer ? this.customer : inner.customer,
				(inner.product != null) ? inner.product : this.product, (inner.user != null) ? inner.user : this.user,
				sameCustomer ? this.costScope : null);
	}

	/** This attribution with a new cost scope when it has none. */
	PaidAttribution withCostScope() {
		return (this.costScope != null) ? this
				: new PaidAttribution(this.customer, this.product, this.user, new CostScope());
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof PaidAttribution that && Objects.equals(this.customer, that.customer)
				&& Objects.equals(this.product, that.product) && Objects.equals(this.user, that.user);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.customer, this.product, this.user);
	}

}
