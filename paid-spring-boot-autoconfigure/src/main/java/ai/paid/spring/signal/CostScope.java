package ai.paid.spring.signal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code paid_scope_id} of a {@link PaidContext} scope (Paid's SDKs, §6.5 of the wire notes): every cost recorded
 * in the scope carries the current id, and a signal that claims the costs ({@code withCosts()}) carries it in
 * {@code data.paid.paid_scope_id} and then rotates it, so the costs recorded after it go to the next claiming signal.
 * Nested scopes for the same customer share their outer scope's ids; a scope for another customer has its own.
 * <p>
 * Ids are random positive integers below 2<sup>53</sup>, so they survive JSON readers that hold numbers as doubles.
 * Thread-safe: the scope travels with {@link PaidContext} to other threads.
 */
public final class CostScope {

	private static final long BOUND = 1L << 53;

	private final AtomicLong id = new AtomicLong(next());

	CostScope() {
	}

	/**
	 * The id that costs recorded now carry.
	 * @return the current scope id
	 */
	public long id() {
		return this.id.get();
	}

	/**
	 * Claims the current id for a signal and starts a new one for later costs.
	 * @return the claimed id
	 */
	long rotate() {
		return this.id.getAndSet(next());
	}

	private static long next() {
		return ThreadLocalRandom.current().nextLong(1, BOUND);
	}

	@Override
	public String toString() {
		return "CostScope[" + id() + "]";
	}

}
