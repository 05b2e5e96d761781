package ai.paid.spring.sync;

import org.jspecify.annotations.Nullable;

/**
 * How far the backfill of one synced entity class got.
 *
 * @param entity the JPA entity name
 * @param paidType what the entity is in Paid, {@code null} when not known yet (a {@link PaidMapper} entity whose table
 * was empty)
 * @param state {@code NOT_STARTED}, {@code RUNNING} (or interrupted: the next backfill continues after the last entity
 * queued) or {@code DONE}
 * @param done entities queued so far
 * @param total entities in the table when the run started
 * @param skipped entities that could not be mapped (for example a missing external id), logged and left out
 */
public record BackfillProgress(String entity, @Nullable PaidEntityType paidType, String state, long done, long total,
		long skipped) {

	/** State of an entity class that was never backfilled. */
	public static final String NOT_STARTED = "NOT_STARTED";

	/** State while a backfill runs, or after one stopped before the end. */
	public static final String RUNNING = "RUNNING";

	/** State after every entity was queued. */
	public static final String DONE = "DONE";

}
