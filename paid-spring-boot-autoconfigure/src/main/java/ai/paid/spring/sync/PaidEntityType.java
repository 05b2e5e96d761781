package ai.paid.spring.sync;

/**
 * The kinds of Paid objects the starter mirrors. The names are also the outbox entity types.
 */
public enum PaidEntityType {

	/** A Paid customer. */
	CUSTOMER,

	/** A contact of a customer. */
	CONTACT,

	/** An order of a customer. */
	ORDER,

	/**
	 * A user of a customer ({@code PUT /customers/{customerExternalId}/users/{userExternalId}}); a delete deactivates
	 * it, since Paid has no route to delete a user.
	 */
	USER

}
