package ai.paid.spring.sync.jpa;

import java.util.List;
import java.util.function.BiPredicate;

import ai.paid.spring.outbox.PaidOutbox;
import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidSyncDataException;
import ai.paid.spring.sync.delivery.SyncMessages;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues fresh snapshots of chosen entities (one entity, or a customer with its contacts and orders) as live changes
 * would: an operator's repair, so they are not ordered behind live work like a backfill's chunks.
 */
final class TargetedResync {

	private final BackfillPager pager;

	private final EntityMappings mappings;

	private final SyncMessages messages;

	private final PaidOutbox outbox;

	private final TransactionTemplate transaction;

	private final int pageSize;

	TargetedResync(BackfillPager pager, EntityMappings mappings, SyncMessages messages, PaidOutbox outbox,
			TransactionTemplate transaction, int pageSize) {
		this.pager = pager;
		this.mappings = mappings;
		this.messages = messages;
		this.outbox = outbox;
		this.transaction = transaction;
		this.pageSize = pageSize;
	}

	/** Looks the entity up by its JPA id first, else pages through its type comparing external ids. */
	boolean resync(List<SyncedClass> ordered, PaidEntityType type, String externalId) {
		for (SyncedClass synced : ordered) {
			if (synced.type() != type) {
				continue;
			}
			Boolean found = this.transaction.execute((status) -> {
				Object entity = this.pager.find(synced, externalId);
				if (entity != null && externalId.equals(this.mappings.externalIdOf(entity))) {
					this.outbox.enqueue(this.messages.upsert(this.mappings.snapshot(entity),
							this.mappings.clearedFields(entity)));
					return true;
				}
				return false;
			});
			if (Boolean.TRUE.equals(found)
					|| scan(synced, (entity, data) -> externalId.equals(data.externalId()), true) > 0) {
				return true;
			}
		}
		return false;
	}

	long resyncCustomer(List<SyncedClass> ordered, String customerExternalId) {
		long queued = resync(ordered, PaidEntityType.CUSTOMER, customerExternalId) ? 1 : 0;
		for (SyncedClass synced : ordered) {
			if (synced.type() != null && synced.type() != PaidEntityType.CUSTOMER) {
				queued += scan(synced, (entity, data) -> customerExternalId.equals(data.customerExternalId()), false);
			}
		}
		return queued;
	}

	/** Pages through one class, each page in its own transaction, queueing the entities that match. */
	private long scan(SyncedClass synced, BiPredicate<Object, PaidEntityData> match, boolean firstOnly) {
		String lastId = null;
		long queued = 0;
		while (true) {
			String from = lastId;
			long[] found = new long[1];
			String last = this.transaction.execute((status) -> {
				List<?> entities = this.pager.page(synced, from, this.pageSize);
				String seen = null;
				for (Object entity : entities) {
					seen = this.pager.positionOf(entity);
					PaidEntityData data;
					try {
						data = this.mappings.snapshot(entity);
					}
					catch (PaidSyncDataException ex) {
						continue;
					}
					if (match.test(entity, data)) {
						this.outbox.enqueue(this.messages.upsert(data, this.mappings.clearedFields(entity)));
						found[0]++;
						if (firstOnly) {
							break;
						}
					}
				}
				this.pager.clear();
				return (entities.size() < this.pageSize) ? null : seen;
			});
			queued += found[0];
			if (last == null || (firstOnly && found[0] > 0)) {
				return queued;
			}
			lastId = last;
		}
	}

}
