package ai.paid.demo.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.OutboxQueries;
import ai.paid.spring.outbox.ParkedLane;
import ai.paid.spring.outbox.PendingChange;
import ai.paid.spring.sync.delivery.PaidSyncLinkQueries;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Reads sync states from the starter: parked lanes (with the head change Paid rejected and its error) from the
 * {@link OutboxAdmin} bean, the changes still waiting from the {@link OutboxQueries} bean, and the Paid id of every
 * record Paid acknowledged from the {@link PaidSyncLinkQueries} bean.
 */
@Component
class OutboxSyncStates implements SyncStates {

	private static final Log logger = LogFactory.getLog(OutboxSyncStates.class);

	private static final int MAX_PARKED_LANES = 500;

	private static final int PENDING_PAGE = 1000;

	private final OutboxAdmin admin;

	private final OutboxQueries queries;

	private final PaidSyncLinkQueries links;

	private volatile boolean warned;

	OutboxSyncStates(OutboxAdmin admin, OutboxQueries queries, PaidSyncLinkQueries links) {
		this.admin = admin;
		this.queries = queries;
		this.links = links;
	}

	@Override
	public Snapshot snapshot() {
		try {
			Map<String, ParkedLane> parked = new HashMap<>();
			List<ParkedLane> lanes = this.admin.parkedLanes(0, MAX_PARKED_LANES);
			lanes.forEach((lane) -> parked.put(lane.lane(), lane));
			Map<String, String> links = new HashMap<>();
			this.links.links().forEach((link) -> links.put(key(link.type().name(), link.externalId()), link.paidId()));
			Map<String, Waiting> waiting = new HashMap<>();
			for (int page = 0;; page++) {
				List<PendingChange> changes = this.queries.pendingChanges(page, PENDING_PAGE);
				changes.forEach((change) -> waiting.put(key(change.entityType(), change.entityId()),
						new Waiting(change.lane(), change.attempts(), change.lastError(), change.httpStatus())));
				if (changes.size() < PENDING_PAGE) {
					break;
				}
			}
			return (entityType, entityId) -> stateOf(entityType, entityId, links.get(key(entityType, entityId)),
					waiting.get(key(entityType, entityId)), parked);
		}
		catch (DataAccessException ex) {
			if (!this.warned) {
				this.warned = true;
				logger.warn("Cannot read the Paid outbox tables; sync states show as unknown: " + ex.getMessage());
			}
			return (entityType, entityId) -> SyncState.unknown();
		}
	}

	private static SyncState stateOf(String entityType, String entityId, @Nullable String paidId,
			@Nullable Waiting waiting, Map<String, ParkedLane> parkedLanes) {
		if (waiting == null) {
			// delivered (or never queued, e.g. a row older than the outbox)
			return (paidId != null) ? SyncState.synced(paidId) : SyncState.unknown();
		}
		ParkedLane parked = parkedLanes.get(waiting.lane());
		if (parked != null) {
			if (entityType.equals(parked.entityType()) && entityId.equals(parked.entityId())) {
				return SyncState.parked(paidId,
						describe(parked.httpStatus(), (parked.lastError() != null) ? parked.lastError() : parked.reason()));
			}
			return SyncState.parked(paidId,
					"waiting behind a change Paid rejected: " + parked.entityType() + " " + parked.entityId());
		}
		if (waiting.lastError() == null && waiting.httpStatus() == null) {
			return SyncState.pending(paidId, null);
		}
		String tries = (waiting.attempts() == 1) ? "1 attempt" : waiting.attempts() + " attempts";
		return SyncState.pending(paidId,
				"retrying after " + tries + ": " + describe(waiting.httpStatus(), waiting.lastError()));
	}

	private static String describe(@Nullable Integer httpStatus, @Nullable String error) {
		String text = (error != null) ? error.replaceFirst("^[\\w.]*Exception: ", "") : "no response";
		if (httpStatus != null && httpStatus > 0 && !text.contains(String.valueOf(httpStatus))) {
			return "HTTP " + httpStatus + ": " + text;
		}
		return text;
	}

	private static String key(String entityType, String entityId) {
		return entityType + '\u0000' + entityId;
	}

	private record Waiting(String lane, int attempts, @Nullable String lastError, @Nullable Integer httpStatus) {

	}

}
