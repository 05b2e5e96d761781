package ai.paid.demo.dashboard;

/**
 * Reads where the app's records stand with Paid, from the starter's outbox (pending and parked changes) and its link
 * table (the Paid id of every record Paid acknowledged).
 */
interface SyncStates {

	/** Entity types as the starter names them in the outbox. */
	String CUSTOMER = "CUSTOMER";

	String CONTACT = "CONTACT";

	String ORDER = "ORDER";

	/** A consistent view for one refresh of the page. */
	Snapshot snapshot();

	/** Sync states at one moment. */
	interface Snapshot {

		SyncState of(String entityType, String entityId);

	}

}
