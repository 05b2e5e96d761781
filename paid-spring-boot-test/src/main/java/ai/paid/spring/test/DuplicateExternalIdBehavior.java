package ai.paid.spring.test;

/**
 * How {@link MockPaidServer} answers a create whose {@code externalId} is already taken by another customer, contact
 * or product. Paid does not document this, so a client should work with each.
 */
public enum DuplicateExternalIdBehavior {

	/** Answer {@code 400 Bad Request} with an error body (the default). */
	REJECT_400,

	/** Answer {@code 409 Conflict} with an error body. */
	CONFLICT_409,

	/** Answer {@code 200 OK} with the existing resource, unchanged (v1's idempotent create). */
	RETURN_EXISTING

}
