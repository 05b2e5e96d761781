package ai.paid.spring.sync;



/**
 * Queues changes for Paid from code that does not go through JPA (JDBC, jOOQ, MyBatis). Every call joins the current
 * transaction through the outbox: nothing is sent unless it commits, and once it commits the change reaches Paid in
 * order with the customer's other changes. Inject it as {@code paidSync}.
 * <pre class="code">
 * paidSync.customer(PaidCustomerData.builder("acc-42").name("Acme Ltd").build());
 * paidSync.contact(PaidContactData.builder("con-7", "acc-42").email("john@acme.test").build());
 * </pre>
 */
public interface PaidSyncOperations {

	/** Creates or updates the customer. */
	void customer(PaidCustomerData customer);

	/** Creates or updates the contact (and moves it when its customer changed). */
	void contact(PaidContactData contact);

	/** Creates or updates the order. Lines are sent only when the order is created. */
	void order(PaidOrderData order);

	/** Creates or updates a user of a customer; {@link #delete} with {@link PaidEntityType#USER} deactivates it. */
	void user(PaidUserData user);

	/**
	 * Deletes the object from Paid. Deleting something Paid does not have is not an error.
	 * @param type what to delete
	 * @param externalId its external id
	 * @param customerExternalId external id of its customer (for a customer, its own), which orders it behind the
	 * customer's other changes
	 */
	void delete(PaidEntityType type, String externalId, String customerExternalId);

}
