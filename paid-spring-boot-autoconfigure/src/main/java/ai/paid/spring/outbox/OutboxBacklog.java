package ai.paid.spring.outbox;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the outbox.
 *
 * @param pendingRows rows waiting for delivery (including the heads of parked lanes)
 * @param pendingLanes lanes with rows waiting, not parked
 * @param parkedLanes lanes stopped by a row Paid rejected or that ran out of attempts
 * @param oldestPendingAge age of the oldest waiting row, {@link Duration#ZERO} when there is none
 * @param dispatch the local dispatcher's state, {@code null} when this instance does not dispatch
 */
public record OutboxBacklog(long pendingRows, long pendingLanes, long parkedLanes, Duration oldestPendingAge,
		@Nullable DispatchStatus dispatch) {

}
