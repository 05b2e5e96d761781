package ai.paid.spring.sync;

/**
 * The state of one customer, contact or order as it should look in Paid, identified by external ids.
 */
public sealed interface PaidEntityData permits PaidCustomerData, PaidContactData, PaidOrderData, PaidUserData {

	/** What the data describes. */
	PaidEntityType type();

	/** The object's own external id. */
	String externalId();

	/** External id of the customer the object belongs to (for a customer, its own). */
	String customerExternalId();

}
