package ai.paid.spring.client;

/**
 * Whether a user of a customer is active. Constants are spelled as on the wire.
 */
public enum CustomerUserStatus {

	/** The user is active. */
	active,

	/** The user was deactivated (Paid has no route to delete a user). */
	deactivated

}
