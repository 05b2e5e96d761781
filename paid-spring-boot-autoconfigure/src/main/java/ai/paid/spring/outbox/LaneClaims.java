package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * Decides which lanes to claim in one round: first those woken by this instance's own commits or its backoff
 * timers, then, when a poll asked for it and enough capacity is free, the oldest ready lanes of any instance; a single
 * lane with a single row while the {@link DispatchGate} only allows a probe. Claimed lanes are held in
 * {@link HeldLanes} before the round returns.
 */
final class LaneClaims {

	/**
	 * One round's result.
	 *
	 * @param lanes the lanes claimed, now held
	 * @param batch rows to send per lane
	 * @param retryIn when to try again if the gate held the round back, or {@code null}
	 */
	record Round(List<LaneClaimer.Claim> lanes, int batch, @Nullable Duration retryIn) {

	}

	private final LaneClaimer claimer;

	private final DispatchGate gate;

	private final HeldLanes held;

	private final int maxConcurrentLanes;

	private final int batchSize;

	private final Set<String> wakeLanes = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean anyLanePending = new AtomicBoolean();

	LaneClaims(LaneClaimer claimer, DispatchGate gate, HeldLanes held, int maxConcurrentLanes, int batchSize) {
		this.claimer = claimer;
		this.gate = gate;
		this.held = held;
		this.maxConcurrentLanes = maxConcurrentLanes;
		this.batchSize = batchSize;
	}

	/** Claim these lanes in the next round. */
	void wake(Collection<String> lanes) {
		this.wakeLanes.addAll(lanes);
	}

	/** Look for ready lanes of any instance in the next round. */
	void wakeAny() {
		this.anyLanePending.set(true);
	}

	/**
	 * Claims the lanes of one round.
	 * @return what was claimed
	 * @throws RuntimeException when the database failed; the round's wake-ups are kept for the next one
	 */
	synchronized Round next() {
		DispatchGate.Admission admission = this.gate.admit(this.held.isEmpty());
		if (!admission.allowed()) {
			return new Round(List.of(), 0, admission.retryIn());
		}
		boolean probe = admission.probe();
		try {
			int batch = probe ? 1 : this.batchSize;
			List<LaneClaimer.Claim> claimed = claim(probe ? 1 : this.maxConcurrentLanes - this.held.count(), batch);
			if (probe && claimed.isEmpty()) {
				this.gate.probeFoundNothing();
			}
			claimed.forEach((claim) -> this.held.hold(claim.lane()));
			return new Round(claimed, batch, null);
		}
		catch (RuntimeException ex) {
			if (probe) {
				this.gate.probeFoundNothing();
			}
			throw ex;
		}
	}

	private List<LaneClaimer.Claim> claim(int capacity, int batch) {
		List<LaneClaimer.Claim> claimed = new ArrayList<>();
		if (!this.wakeLanes.isEmpty() && capacity > 0) {
			List<String> targets = new ArrayList<>(this.wakeLanes);
			this.wakeLanes.removeAll(targets);
			try {
				claimed.addAll(this.claimer.claim(targets, capacity, batch));
			}
			catch (RuntimeException ex) {
				this.wakeLanes.addAll(targets);
				throw ex;
			}
		}
		int left = capacity - claimed.size();
		boolean worthIt = left >= Math.max(1, this.maxConcurrentLanes / 8) || this.held.isEmpty();
		if (left > 0 && worthIt && this.anyLanePending.getAndSet(false)) {
			List<LaneClaimer.Claim> more;
			try {
				more = this.claimer.claim(null, left, batch);
			}
			catch (RuntimeException ex) {
				this.anyLanePending.set(true);
				throw ex;
			}
			if (more.size() == left) {
				// probably more ready lanes: claim again as soon as capacity frees up
				this.anyLanePending.set(true);
			}
			claimed.addAll(more);
		}
		return claimed;
	}

}
