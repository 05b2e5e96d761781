package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The lanes this instance holds a lease on right now, from claim to release, and the heartbeat that keeps their
 * leases alive while their deliveries (or their database work, during an outage) are in progress.
 */
final class HeldLanes {

	private static final Log logger = LogFactory.getLog(OutboxDispatcher.class);

	private final Map<String, ClaimedLane> held = new ConcurrentHashMap<>();

	void hold(ClaimedLane lane) {
		this.held.put(lane.key(), lane);
	}

	void release(ClaimedLane lane) {
		this.held.remove(lane.key());
	}

	int count() {
		return this.held.size();
	}

	boolean isEmpty() {
		return this.held.isEmpty();
	}

	/**
	 * Waits for the held lanes to be released, for at most the given time.
	 * @return whether none is held any more
	 */
	boolean awaitEmpty(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.held.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return this.held.isEmpty();
	}

	/**
	 * Extends the leases of every held lane.
	 * @param claimer does the update
	 * @param outage told whether the database answered
	 */
	void extendLeases(LaneClaimer claimer, DatabaseOutageLog outage) {
		List<ClaimedLane> lostLanes;
		try {
			lostLanes = claimer.extend(this.held.values());
		}
		catch (RuntimeException ex) {
			if (DeliveryFailureClassifier.isTransientDatabaseFailure(ex)) {
				outage.failed("extending leases", ex);
			}
			else {
				logger.warn("Paid outbox failed to extend its leases; trying again on the next heartbeat", ex);
			}
			return;
		}
		outage.succeeded();
		for (ClaimedLane lost : lostLanes) {
			if (lost.equals(this.held.get(lost.key()))) {
				logger.warn("Paid outbox lost the lease of lane " + lost.key()
						+ " while delivering; another instance owns it now");
			}
		}
	}

}
