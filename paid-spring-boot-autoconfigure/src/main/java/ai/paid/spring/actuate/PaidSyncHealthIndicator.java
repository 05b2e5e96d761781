package ai.paid.spring.actuate;

import java.time.Duration;

import ai.paid.spring.outbox.DispatchStatus;
import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.OutboxBacklog;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the sync to Paid ({@code paidSync}): DOWN while Paid rejects the API key, UP otherwise, with the backlog
 * (pending rows and lanes, oldest pending age), parked lanes and the dispatcher state (paused, circuit breaker, rate
 * limit) as details, and {@code degraded=true} when something needs attention. It is not part of the readiness group
 * unless you add it: a Paid outage must not take the application out of its load balancer.
 */
public final class PaidSyncHealthIndicator extends AbstractHealthIndicator {

	private static final Duration STALENESS = Duration.ofSeconds(2);

	private final OutboxAdmin admin;

	private final Duration backlogAgeThreshold;

	/**
	 * Create the indicator.
	 * @param admin backlog source
	 * @param backlogAgeThreshold oldest pending age above which the sync is reported as degraded
	 */
	public PaidSyncHealthIndicator(OutboxAdmin admin, Duration backlogAgeThreshold) {
		super("Paid sync health check failed");
		this.admin = admin;
		this.backlogAgeThreshold = backlogAgeThreshold;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		OutboxBacklog backlog = this.admin.backlog(STALENESS);
		DispatchStatus dispatch = backlog.dispatch();
		boolean credentialsRejected = dispatch != null && dispatch.credentialsRejected();
		if (credentialsRejected) {
			builder.down().withDetail("error", "Paid rejected the API key; dispatching is paused until it is fixed");
		}
		else {
			builder.up();
		}
		boolean degraded = backlog.parkedLanes() > 0 || backlog.oldestPendingAge().compareTo(this.backlogAgeThreshold) > 0
				|| (dispatch != null && !dispatch.flowing());
		builder.withDetail("degraded", degraded)
			.withDetail("pendingRows", backlog.pendingRows())
			.withDetail("pendingLanes", backlog.pendingLanes())
			.withDetail("parkedLanes", backlog.parkedLanes())
			.withDetail("oldestPendingAge", backlog.oldestPendingAge().toString());
		if (dispatch != null) {
			builder.withDetail("circuitBreaker", dispatch.circuit())
				.withDetail("paused", dispatch.paused())
				.withDetail("credentialsRejected", dispatch.credentialsRejected())
				.withDetail("rateLimited", dispatch.rateLimited());
		}
	}

}
