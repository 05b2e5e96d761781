package ai.paid.spring.sync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.paid.spring.sync.PaidMapper;

/**
 * Mirrors a JPA entity into Paid as a customer, a contact, an order or a user of a customer. Inserts, updates and deletes of the entity are
 * captured in the saving transaction and delivered through the outbox after it commits; a rollback sends nothing.
 * <p>
 * The external id is the member marked {@link PaidExternalId}, else the entity's {@code @Id}. Paid fields come from
 * members marked {@link PaidField}, or, with {@link #mapByName()}, from members named like the Paid field. Contacts and
 * orders name their customer with {@link PaidCustomer} (a {@code @ManyToOne} to a {@code @PaidSync} customer entity is
 * found without it when it is the only one); orders name billing contacts with {@link PaidBillingContact} and lines
 * with {@link PaidOrderLines}. A {@link ai.paid.spring.sync.PaidMapper} bean for the entity replaces all of this.
 * <p>
 * The mapping is checked at startup; a mistake fails the start with a message naming the entity and the member.
 *
 * <pre class="code">
 * &#64;Entity &#64;PaidSync(type = PaidSync.Type.CUSTOMER)
 * class Account {
 *     &#64;Id &#64;PaidExternalId String id;
 *     &#64;PaidField("name") String companyName;
 *     &#64;PaidField("billingAddress.country") String country;
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PaidSync {

	/** What the entity is in Paid; {@link Type#INFERRED} decides from the other annotations. */
	Type type() default Type.INFERRED;

	/**
	 * Whether members named like a Paid field of the entity's type ({@code name}, {@code email}, {@code firstName},
	 * {@code startDate}, ...) are mapped without a {@link PaidField} annotation.
	 */
	boolean mapByName() default false;

	/**
	 * What an entity is in Paid.
	 */
	enum Type {

		/** A Paid customer (the lane owner: contacts and orders follow their customer). */
		CUSTOMER,

		/** A contact of a customer. */
		CONTACT,

		/** An order (subscription) of a customer. */
		ORDER,

		/**
		 * A user of a customer (a person who uses the product inside the customer's account, whose activity signals
		 * carry {@code data.external_user_id}). Never inferred: an entity with a customer relation and no order
		 * fields is a contact unless it says {@code type = USER}.
		 */
		USER,

		/**
		 * Decided from the mapping: {@link PaidOrderLines}, {@link PaidBillingContact} or an order-only field make an
		 * order; otherwise a customer relation makes a contact; otherwise a customer. A user is never inferred.
		 */
		INFERRED

	}

}
