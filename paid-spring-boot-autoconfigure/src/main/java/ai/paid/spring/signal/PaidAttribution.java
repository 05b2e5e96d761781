package ai.paid.spring.signal;

import org.jspecify.annotations.Nullable;

import ai.paid.spring.client.SignalAttribution;
import ai.paid.spring.client.SignalCustomer;

/**
 * The customer, product and acting user that signals emitted in a {@link PaidContext} scope are attributed to.
 *
 * @param customer the customer, {@code null} when the scope names none
 * @param product the product, {@code null} when the scope names none
 * @param user your id of the acting user (a user of the customer, sent as {@code data.external_user_id}),
 * {@code null} when the scope names none
 */
public record PaidAttribution(@Nullable SignalCustomer customer, @Nullable SignalAttribution product,
		@Nullable String user) {

	/**
	 * An attribution without a user.
	 * @param customer the customer
	 * @param product the product
	 */
	public PaidAttribution(@Nullable SignalCustomer customer, @Nullable SignalAttribution product) {
		this(customer, product, null);
	}

	/**
	 * This attribution with the fields of {@code inner} laid over it: an inner scope that names only a product keeps
	 * the outer scope's customer.
	 */
	PaidAttribution overlaidWith(PaidAttribution inner) {
		return new PaidAttribution((inner.customer != null) ? inner.customer : this.customer,
				(inner.product != null) ? inner.product : this.product, (inner.user != null) ? inner.user : this.user);
	}

}
