package ai.paid.demo.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.ParkedLane;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads sync states from the starter: parked lanes (with the head change Paid rejected and its error) from the
 * {@link OutboxAdmin} bean, the changes still waiting from {@code paid_sync_outbox}, and the Paid id of every record
 * Paid acknowledged from the link table {@code paid_sync_link}.
 */
@Component
class OutboxSyncStates implements SyncStates {

	private static final Log logger = LogFactory.getLog(OutboxSyncStates.class);

	private static final int MAX_PARKED_LANES = 500;

	private final OutboxAdmin admin;

	private final JdbcTemplate jdbc;

	private volatile boolean warned;

	OutboxSyncStates(OutboxAdmin admin, JdbcTemplate jdbc) {
		this.admin = admin;
		this.jdbc = jdbc;
	}

	@Override
	public Snapshot snapshot() {
		try {
			Map<String, ParkedLane> parked = new HashMap<>();
			List<ParkedLane> lanes = this.admin.parkedLanes(0, MAX_PARKED_LANES);
			lanes.forEach((lane) -> parked.put(lane.lane(), lane));
			Map<String, String> links = new HashMap<>();
			this.jdbc.query("SELECT entity_type, entity_id, paid_id FROM paid_sync_link",
					(RowCallbackHandler) (rs) -> links.put(key(rs.getString(1), rs.getString(2)), rs.getString(3)));
			Map<String, Waiting> waiting = new HashMap<>();
			this.jdbc.query("""
					SELECT entity_type, entity_id, lane_key, attempts, last_error, last_http_status
					FROM paid_sync_outbox WHERE state = 0 ORDER BY id""", (RowCallbackHandler) (rs) -> {
				int httpStatus = rs.getInt(6);
				Integer status = rs.wasNull() ? null : httpStatus;
				waiting.put(key(rs.getString(1), rs.getString(2)),
						new Waiting(rs.getString(3), rs.getInt(4), rs.getString(5), status));
			});
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
