package ai.paid.spring.client;

/**
 * Role of a Paid contact. Constants are spelled as on the wire.
 */
public enum ContactRole {

	/** Receives invoices. */
	BILLING,

	/** Accounts payable contact. */
	ACCOUNTS_PAYABLE

}
