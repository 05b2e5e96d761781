package ai.paid.demo.dashboard;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads sync states straight from the starter's tables: {@code paid_sync_outbox} holds the changes not yet accepted
 * by Paid (pending, or parked with Paid's error), {@code paid_sync_lane} says whether a customer's lane is parked, and
 * {@code paid_sync_link} holds the Paid id of every record Paid acknowledged.
 */
@Component
class OutboxSyncStates implements SyncStates {

	private static final Log logger = LogFactory.getLog(OutboxSyncStates.class);

	private static final int PENDING = 0;

	private static final int PARKED = 3;

	private final JdbcTemplate jdbc;

	private volatile boolean warned;

	OutboxSyncStates(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Snapshot snapshot() {
		try {
			Map<String, String> links = new HashMap<>();
			this.jdbc.query("SELECT entity_type, entity_id, paid_id FROM paid_sync_link",
					(RowCallbackHandler) (rs) -> links.put(key(rs.getString(1), rs.getString(2)), rs.getString(3)));
			Map<String, Queued> queued = new HashMap<>();
			this.jdbc.query("""
					SELECT o.entity_type, o.entity_id, o.state, o.last_error, o.last_http_status, o.attempts,
					       l.parked_at, l.park_reason
					FROM paid_sync_outbox o LEFT JOIN paid_sync_lane l ON l.lane_key = o.lane_key
					WHERE o.state IN (0, 3)
					ORDER BY o.id""", (RowCallbackHandler) (rs) -> {
				int httpStatus = rs.getInt(5);
				Queued row = new Queued(rs.getInt(3), rs.getString(4), rs.wasNull() ? null : httpStatus,
						rs.getInt(6), rs.getTimestamp(7) != null, rs.getString(8));
				queued.put(key(rs.getString(1), rs.getString(2)), row);
			});
			return (entityType, entityId) -> stateOf(links.get(key(entityType, entityId)),
					queued.get(key(entityType, entityId)));
		}
		catch (DataAccessException ex) {
			if (!this.warned) {
				this.warned = true;
				logger.warn("Cannot read the Paid outbox tables; sync states show as unknown: " + ex.getMessage());
			}
			return (entityType, entityId) -> SyncState.unknown();
		}
	}

	private static SyncState stateOf(@Nullable String paidId, @Nullable Queued queued) {
		if (queued == null) {
			return (paidId != null) ? SyncState.synced(paidId) : SyncState.unknown();
		}
		if (queued.state() == PARKED) {
			return SyncState.parked(paidId, queued.describeError());
		}
		if (queued.laneParked()) {
			return SyncState.parked(paidId, "waiting behind a parked change of its customer"
					+ ((queued.parkReason() != null) ? ": " + queued.parkReason() : ""));
		}
		if (queued.attempts() == 0 || queued.describeError() == null) {
			return SyncState.pending(paidId, null);
		}
		return SyncState.pending(paidId, "retrying after " + queued.attempts()
				+ ((queued.attempts() == 1) ? " attempt: " : " attempts: ") + queued.describeError());
	}

	private static String key(String entityType, String entityId) {
		return entityType + '\u0000' + entityId;
	}

	private record Queued(int state, @Nullable String lastError, @Nullable Integer httpStatus, int attempts,
			boolean laneParked, @Nullable String parkReason) {

		@Nullable String describeError() {
			String error = (this.lastError != null) ? this.lastError : this.parkReason;
			if (this.httpStatus != null && this.httpStatus > 0) {
				return "HTTP " + this.httpStatus + ((error != null) ? ": " + error : "");
			}
			return error;
		}

	}

}
