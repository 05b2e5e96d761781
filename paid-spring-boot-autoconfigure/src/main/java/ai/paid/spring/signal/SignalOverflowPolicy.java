package ai.paid.spring.signal;

/**
 * What {@code emit(...).send()} does when the in-memory buffer is full. Neither policy drops a signal silently.
 */
public enum SignalOverflowPolicy {

	/** Wait up to the offer timeout for room, then throw {@link SignalBufferFullException}. */
	BLOCK,

	/** Throw {@link SignalBufferFullException} at once. */
	FAIL

}
