package ai.paid.spring.actuate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.paid.spring.outbox.DispatchStatus;
import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.OutboxBacklog;
import ai.paid.spring.outbox.ParkedLane;
import ai.paid.spring.sync.BackfillProgress;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.jpa.PaidSyncBackfill;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code paidsync} actuator endpoint: what the sync to Paid is doing, and the operator's fixes.
 * <p>
 * Read ({@code GET /actuator/paidsync?page=0&size=20}): pending rows and lanes, oldest pending age, parked lanes (one
 * page, oldest first) with their head row's entity, attempts, last error and HTTP status, the dispatcher state
 * (paused, circuit breaker, credentials, rate limit) and backfill progress. Payloads are never returned.
 * <p>
 * Write ({@code POST /actuator/paidsync/{action}}, parameters as a JSON body): {@code retry} a parked lane
 * ({@code lane}), {@code skip} its head row, {@code skip-lane} all its pending rows (the head and the rows that depend
 * on it, kept as skipped for audit), {@code resync} one entity ({@code type} and {@code id}) or one customer with its
 * contacts, orders and users ({@code customer}), {@code pause} and {@code resume} dispatching, {@code backfill} (optionally
 * one {@code entity}) and {@code stop-backfill}.
 * <p>
 * Like every actuator endpoint it is only reachable over HTTP once listed in
 * {@code management.endpoints.web.exposure.include}. Its default access is read-only: write operations need
 * {@code management.endpoint.paidsync.access=unrestricted}.
 */
@Endpoint(id = "paidsync", defaultAccess = Access.READ_ONLY)
public class PaidSyncEndpoint {

	private static final int DEFAULT_PAGE_SIZE = 20;

	private static final int MAX_PAGE_SIZE = 500;

	private final OutboxAdmin admin;

	private final ObjectProvider<PaidSyncBackfill> backfill;

	/**
	 * Create the endpoint.
	 * @param admin the outbox admin
	 * @param backfill the backfill, if entity sync runs on JPA
	 */
	public PaidSyncEndpoint(OutboxAdmin admin, ObjectProvider<PaidSyncBackfill> backfill) {
		this.admin = admin;
		this.backfill = backfill;
	}

	/**
	 * The sync's state with one page of parked lanes.
	 * @param page zero-based page of parked lanes
	 * @param size parked lanes per page (at most 500)
	 * @return the state
	 */
	@ReadOperation
	public PaidSyncDescriptor status(@Nullable Integer page, @Nullable Integer size) {
		int pageNumber = (page != null) ? page : 0;
		int pageSize = (size != null) ? size : DEFAULT_PAGE_SIZE;
		if (pageNumber < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new InvalidEndpointRequestException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE,
					"Invalid page or size");
		}
		OutboxBacklog backlog = this.admin.backlog();
		List<ParkedLaneDescriptor> parked = this.admin.parkedLanes(pageNumber, pageSize)
			.stream()
			.map(ParkedLaneDescriptor::of)
			.toList();
		PaidSyncBackfill backfill = this.backfill.getIfAvailable();
		BackfillDescriptor backfillDescriptor = (backfill != null)
				? new BackfillDescriptor(backfill.isRunning(), backfill.progress()) : null;
		return new PaidSyncDescriptor(backlog.pendingRows(), backlog.pendingLanes(), backlog.parkedLanes(),
				backlog.oldestPendingAge().toMillis() / 1000.0, backlog.dispatch(),
				new ParkedPage(pageNumber, pageSize, parked), backfillDescriptor);
	}

	/**
	 * Runs an operator action.
	 * @param action {@code retry}, {@code skip}, {@code skip-lane}, {@code resync}, {@code pause}, {@code resume},
	 * {@code backfill} or {@code stop-backfill}
	 * @param lane the lane to retry or skip (for example {@code cust:acme})
	 * @param type the type of the entity to resync: {@code customer}, {@code contact} or {@code order}
	 * @param id the external id of the entity to resync
	 * @param customer the external id of the customer to resync with its contacts and orders
	 * @param entity the entity name to backfill, all synced entities when absent
	 * @return what was done
	 */
	@WriteOperation
	public Map<String, Object> operate(@Selector String action, @Nullable String lane, @Nullable String type,
			@Nullable String id, @Nullable String customer, @Nullable String entity) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("action", action);
		switch (action) {
			case "retry" -> {
				String key = require(lane, "lane");
				result.put("lane", key);
				result.put("retried", this.admin.retryLane(key));
			}
			case "skip" -> {
				String key = require(lane, "lane");
				result.put("lane", key);
				Long skipped = this.admin.skipHead(key);
				result.put("skipped", skipped != null);
				if (skipped != null) {
					result.put("skippedRowId", skipped);
				}
			}
			case "skip-lane" -> {
				String key = require(lane, "lane");
				result.put("lane", key);
				int skipped = this.admin.skipLane(key);
				result.put("skipped", skipped >= 0);
				result.put("skippedRows", Math.max(skipped, 0));
			}
			case "pause" -> {
				this.admin.pause();
				result.put("paused", true);
			}
			case "resume" -> {
				this.admin.resume();
				result.put("paused", false);
			}
			case "resync" -> {
				PaidSyncBackfill backfill = requireBackfill();
				if (customer != null) {
					result.put("customer", customer);
					result.put("queued", backfill.backfillCustomer(customer));
				}
				else {
					PaidEntityType entityType = entityType(require(type, "type"));
					String externalId = require(id, "id");
					result.put("type", entityType.name());
					result.put("id", externalId);
					result.put("queued", backfill.resync(entityType, externalId) ? 1 : 0);
				}
			}
			case "backfill" -> {
				PaidSyncBackfill backfill = requireBackfill();
				try {
					result.put("started", backfill.start(entity));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidEndpointRequestException(ex.getMessage(), "Unknown entity");
				}
				result.put("running", backfill.isRunning());
			}
			case "stop-backfill" -> {
				PaidSyncBackfill backfill = requireBackfill();
				backfill.stop();
				result.put("running", backfill.isRunning());
			}
			default -> throw new InvalidEndpointRequestException("Unknown action '" + action
					+ "'; use retry, skip, skip-lane, resync, pause, resume, backfill or stop-backfill", "Unknown action");
		}
		return result;
	}

	private PaidSyncBackfill requireBackfill() {
		PaidSyncBackfill backfill = this.backfill.getIfAvailable();
		if (backfill == null) {
			throw new InvalidEndpointRequestException("Resync and backfill need JPA entity sync",
					"Backfill not available");
		}
		return backfill;
	}

	private static String require(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new InvalidEndpointRequestException("'" + name + "' is required", "Missing " + name);
		}
		return value;
	}

	private static PaidEntityType entityType(String type) {
		try {
			return PaidEntityType.valueOf(type.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException("'type' must be customer, contact or order", "Invalid type");
		}
	}

	/**
	 * The endpoint's read response.
	 *
	 * @param pendingRows rows waiting for delivery, heads of parked lanes included
	 * @param pendingLanes lanes with rows waiting, not parked
	 * @param parkedLanes lanes stopped at a failed row
	 * @param oldestPendingAgeSeconds age of the oldest waiting row
	 * @param dispatch this instance's dispatcher state, {@code null} when it does not dispatch
	 * @param parked one page of parked lanes
	 * @param backfill backfill progress, {@code null} without JPA entity sync
	 */
	public record PaidSyncDescriptor(long pendingRows, long pendingLanes, long parkedLanes,
			double oldestPendingAgeSeconds, @Nullable DispatchStatus dispatch, ParkedPage parked,
			@Nullable BackfillDescriptor backfill) {

	}

	/**
	 * A page of parked lanes.
	 *
	 * @param page zero-based page
	 * @param size page size
	 * @param lanes the lanes on the page
	 */
	public record ParkedPage(int page, int size, List<ParkedLaneDescriptor> lanes) {

	}

	/**
	 * A parked lane and its head row, without the payload.
	 *
	 * @param lane the lane key
	 * @param parkedAt when it was parked
	 * @param reason why
	 * @param headRowId the head row's id
	 * @param entityType the head row's entity type
	 * @param entityId the head row's entity id
	 * @param operation the head row's operation
	 * @param attempts delivery attempts of the head row
	 * @param lastError the head row's last error
	 * @param httpStatus Paid's HTTP status for it, {@code null} without a response
	 * @param pendingRows rows waiting in the lane
	 */
	public record ParkedLaneDescriptor(String lane, Instant parkedAt, @Nullable String reason,
			@Nullable Long headRowId, @Nullable String entityType, @Nullable String entityId,
			@Nullable String operation, int attempts, @Nullable String lastError, @Nullable Integer httpStatus,
			long pendingRows) {

		static ParkedLaneDescriptor of(ParkedLane lane) {
			return new ParkedLaneDescriptor(lane.lane(), lane.parkedAt(), lane.reason(), lane.headId(),
					lane.entityType(), lane.entityId(), (lane.operation() != null) ? lane.operation().name() : null,
					lane.attempts(), lane.lastError(), lane.httpStatus(), lane.pendingRows());
		}

	}

	/**
	 * Backfill state.
	 *
	 * @param running whether a backfill runs in this instance
	 * @param entities progress per synced entity
	 */
	public record BackfillDescriptor(boolean running, List<BackfillProgress> entities) {

	}

}
