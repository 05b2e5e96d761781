package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to record when releasing a claimed lane.
 *
 * @param delivered rows Paid accepted, deleted unless a newer change was coalesced into them meanwhile
 * @param notStarted rows marked started but never sent (the batch stopped before them)
 * @param failedHead the row that failed, or {@code null}
 * @param failure why it failed, or {@code null}
 * @param countFailure whether the failure counts against the retry budget
 * @param attemptReachedPaid whether the failed attempt may have reached Paid (keeps the started count)
 * @param delay backoff before the lane may be claimed again, or {@code null} for none
 * @param parkReason park the lane with this reason, or {@code null}
 */
record LaneOutcome(List<PendingRow> delivered, List<PendingRow> notStarted, @Nullable PendingRow failedHead,
		@Nullable DeliveryFailure failure, boolean countFailure, boolean attemptReachedPaid, @Nullable Duration delay,
		@Nullable String parkReason) {

	static LaneOutcome done(List<PendingRow> delivered, List<PendingRow> notStarted) {
		return new LaneOutcome(delivered, notStarted, null, null, false, false, null, null);
	}

}
