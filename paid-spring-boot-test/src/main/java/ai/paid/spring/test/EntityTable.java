package ai.paid.spring.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One resource's records (customers, contacts, ...), by id and, when unique, by {@code externalId}. Reads are
 * lock-free; writes are serialised per table so the id and external-id indexes stay consistent. Stored nodes are never
 * mutated after they are published: an update replaces a record with a changed copy.
 */
final class EntityTable {

	/** Thrown by a write that would give a second record the same external id. */
	static final class DuplicateExternalIdException extends RuntimeException {

		private final ObjectNode existing;

		DuplicateExternalIdException(ObjectNode existing) {
			super(null, null, false, false);
			this.existing = existing;
		}

		ObjectNode existing() {
			return this.existing;
		}

	}

	private record Row(long sequence, ObjectNode node) {
	}

	private final String idPrefix;

	private final boolean uniqueExternalIds;

	private final ConcurrentHashMap<String, Row> rows = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, String> idsByExternalId = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	EntityTable(String idPrefix, boolean uniqueExternalIds) {
		this.idPrefix = idPrefix;
		this.uniqueExternalIds = uniqueExternalIds;
	}

	@Nullable ObjectNode get(String id) {
		Row row = this.rows.get(id);
		return (row != null) ? row.node : null;
	}

	@Nullable ObjectNode getByExternalId(String externalId) {
		String id = this.idsByExternalId.get(externalId);
		return (id != null) ? get(id) : null;
	}

	/**
	 * The record addressed by an item route, by Paid id or by external id.
	 * @throws MockApiError a 404 naming the resource and the key when there is none
	 */
	ObjectNode require(String noun, String key, boolean external) {
		ObjectNode node = external ? getByExternalId(key) : get(key);
		if (node == null) {
			throw MockApiError.notFound(noun + " " + (external ? "with externalId '" + key + "'" : key) + " not found");
		}
		return node;
	}

	/**
	 * Insert a record built by {@code factory} from a new id and a sequence number.
	 */
	synchronized ObjectNode insert(FactoryWithSequence factory) {
		String id;
		do {
			id = MockIds.next(this.idPrefix);
		}
		while (this.rows.containsKey(id));
		long number = this.sequence.incrementAndGet();
		ObjectNode node = factory.create(id, number);
		String externalId = externalId(node);
		if (externalId != null && this.uniqueExternalIds) {
			ObjectNode existing = getByExternalId(externalId);
			if (existing != null) {
				throw new DuplicateExternalIdException(existing);
			}
			this.idsByExternalId.put(externalId, id);
		}
		this.rows.put(id, new Row(number, node));
		return node;
	}

	/**
	 * Replace a record with a changed copy.
	 * @return the new record, or {@code null} if there is no record with that id
	 */
	synchronized @Nullable ObjectNode update(String id, Consumer<ObjectNode> change) {
		Row row = this.rows.get(id);
		if (row == null) {
			return null;
		}
		ObjectNode updated = row.node.deepCopy();
		change.accept(updated);
		String before = externalId(row.node);
		String after = externalId(updated);
		if (this.uniqueExternalIds && !Objects.equals(before, after)) {
			if (after != null) {
				ObjectNode other = getByExternalId(after);
				if (other != null) {
					throw new DuplicateExternalIdException(other);
				}
				this.idsByExternalId.put(after, id);
			}
			if (before != null) {
				this.idsByExternalId.remove(before, id);
			}
		}
		this.rows.put(id, new Row(row.sequence, updated));
		return updated;
	}

	synchronized @Nullable ObjectNode remove(String id) {
		Row row = this.rows.remove(id);
		if (row == null) {
			return null;
		}
		String externalId = externalId(row.node);
		if (externalId != null) {
			this.idsByExternalId.remove(externalId, id);
		}
		return row.node;
	}

	/** All records in creation order. */
	List<ObjectNode> list() {
		List<Row> snapshot = new ArrayList<>(this.rows.values());
		snapshot.sort(Comparator.comparingLong(Row::sequence));
		List<ObjectNode> result = new ArrayList<>(snapshot.size());
		snapshot.forEach((row) -> result.add(row.node));
		return result;
	}

	<T> List<T> list(Function<ObjectNode, T> view) {
		return list().stream().map(view).toList();
	}

	synchronized void clear() {
		this.rows.clear();
		this.idsByExternalId.clear();
	}

	private static @Nullable String externalId(ObjectNode node) {
		JsonNode value = node.get("externalId");
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	@FunctionalInterface
	interface FactoryWithSequence {

		ObjectNode create(String id, long sequence);

	}

}
