package ai.paid.spring.outbox;

/**
 * The values of {@code paid_sync_outbox.state}, the one place they are spelled. Only this package reads or writes the
 * column; other code asks {@link OutboxQueries}. Compile-time constants, so SQL built from them is a constant too.
 */
final class OutboxRowState {

	/** Waiting for delivery (the schema's partial unique index on pending rows says {@code state = 0} as well). */
	static final int PENDING = 0;

	/** Skipped by an operator; kept for audit, never delivered. */
	static final int SKIPPED = 4;

	private OutboxRowState() {
	}

}
