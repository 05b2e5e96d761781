package ai.paid.demo.dashboard;

import org.springframework.stereotype.Component;

/**
 * Placeholder until the starter's outbox admin bean and link table are wired in: every record's state is unknown.
 */
@Component
class UnwiredSyncStates implements SyncStates {

	@Override
	public Snapshot snapshot() {
		return (entityType, entityId) -> SyncState.unknown();
	}

}
