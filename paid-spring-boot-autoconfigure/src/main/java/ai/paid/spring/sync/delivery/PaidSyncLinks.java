package ai.paid.spring.sync.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.OutboxQueries;
import ai.paid.spring.outbox.PendingChange;
import ai.paid.spring.sync.PaidEntityType;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The {@code paid_sync_link} table: which Paid id each synced object (type + external id) has. Filled from every
 * Paid response; read to find a customer's Paid id and an order's (orders have no external-id routes). Whether an
 * object is still queued comes from the outbox's {@link OutboxQueries}. Runs its statements off the event loop, each
 * in its own short auto-commit.
 */
final class PaidSyncLinks {

	private final JdbcOperations jdbc;

	private final OutboxQueries outbox;

	PaidSyncLinks(JdbcOperations jdbc) {
		this.jdbc = jdbc;
		this.outbox = new OutboxQueries(jdbc);
	}

	Mono<Optional<String>> find(PaidEntityType type, String externalId) {
		return blocking(() -> {
			List<String> ids = this.jdbc.queryForList(
					"SELECT paid_id FROM paid_sync_link WHERE entity_type = ? AND entity_id = ?", String.class,
					type.name(), externalId);
			return ids.isEmpty() ? Optional.<String>empty() : Optional.of(ids.get(0));
		});
	}

	Mono<Void> save(PaidEntityType type, String externalId, String paidId) {
		return blocking(() -> {
			Timestamp now = Timestamp.from(Instant.now());
			int updated = this.jdbc.update(
					"UPDATE paid_sync_link SET paid_id = ?, updated_at = ? WHERE entity_type = ? AND entity_id = ?",
					paidId, now, type.name(), externalId);
			if (updated == 0) {
				try {
					this.jdbc.update(
							"INSERT INTO paid_sync_link (entity_type, entity_id, paid_id, updated_at) VALUES (?, ?, ?, ?)",
							type.name(), externalId, paidId, now);
				}
				catch (DuplicateKeyException ex) {
					// another instance linked it meanwhile; the id is Paid's either way
				}
			}
			return true;
		}).then();
	}

	/**
	 * The payload of the object's queued upsert, if one is pending in the outbox (in a parked lane too): Paid will
	 * have it once its lane gets there.
	 */
	Mono<Optional<String>> queuedPayload(PaidEntityType type, String externalId) {
		return blocking(() -> this.outbox.pendingChange(type.name(), externalId)
			.filter((change) -> change.operation() == OutboxOperation.UPSERT)
			.map(PendingChange::payload));
	}

	/**
	 * Whether a change of the object is pending in the outbox. An instance delivering it keeps it pending until Paid
	 * accepted it, so "not queued" means Paid has it already or nothing will send it.
	 */
	Mono<Boolean> isQueued(PaidEntityType type, String externalId) {
		return blocking(() -> this.outbox.isPending(type.name(), externalId));
	}

	Mono<Void> delete(PaidEntityType type, String externalId) {
		return blocking(() -> this.jdbc.update("DELETE FROM paid_sync_link WHERE entity_type = ? AND entity_id = ?",
				type.name(), externalId))
			.then();
	}

	private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}

}
