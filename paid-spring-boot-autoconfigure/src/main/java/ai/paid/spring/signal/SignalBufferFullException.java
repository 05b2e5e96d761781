package ai.paid.spring.signal;

/**
 * The in-memory signal buffer was full and stayed full for the configured offer timeout (policy {@code block}), or was
 * full at once (policy {@code fail}). The signal was not accepted; the caller decides whether to retry, emit it inside
 * a transaction (outbox) or give up.
 */
public class SignalBufferFullException extends IllegalStateException {

	SignalBufferFullException(String eventName, int capacity, String policy) {
		super("Signal '" + eventName + "' not accepted: the buffer of " + capacity + " signals is full (overflow policy "
				+ policy + "). Paid may be slow or unreachable; raise paid.signals.buffer-capacity or "
				+ "paid.signals.offer-timeout, or emit inside a transaction to queue durably in the outbox");
	}

}
