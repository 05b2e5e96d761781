package ai.paid.spring.outbox;

/**
 * Whether the dispatcher is sending, and if not why.
 *
 * @param running whether the dispatcher is started
 * @param paused whether dispatching was paused through {@link OutboxAdmin#pause()}
 * @param credentialsRejected whether Paid rejected the API key; dispatching resumes when a probe succeeds
 * @param circuit the circuit breaker: {@code CLOSED} (normal), {@code OPEN} (Paid failing, one probe per interval)
 * or {@code HALF_OPEN} (a probe is in flight)
 * @param rateLimited whether Paid asked to slow down (429) and dispatching waits for its Retry-After
 */
public record DispatchStatus(boolean running, boolean paused, boolean credentialsRejected, String circuit,
		boolean rateLimited) {

	/** Whether nothing stops deliveries right now. */
	public boolean flowing() {
		return this.running && !this.paused && !this.credentialsRejected && "CLOSED".equals(this.circuit)
				&& !this.rateLimited;
	}

}
