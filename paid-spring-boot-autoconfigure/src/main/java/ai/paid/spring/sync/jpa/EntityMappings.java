package ai.paid.spring.sync.jpa;

import java.util.Map;
import java.util.Set;

import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidSyncDataException;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * The validated Paid mappings of every synced entity class, built once at startup.
 */
final class EntityMappings {

	private final Map<Class<?>, EntityMapping> byClass;

	EntityMappings(Map<Class<?>, EntityMapping> byClass) {
		this.byClass = Map.copyOf(byClass);
	}

	@Nullable EntityMapping find(Class<?> entityClass) {
		return this.byClass.get(entityClass);
	}

	boolean isSynced(Class<?> entityClass) {
		return this.byClass.containsKey(entityClass);
	}

	PaidEntityData snapshot(Object entity) {
		return require(entity).snapshot(entity, this);
	}

	Set<String> clearedFields(Object entity) {
		return require(entity).clearedFields(entity);
	}

	String externalIdOf(Object entity) {
		return require(entity).externalId(entity, this);
	}

	int size() {
		return this.byClass.size();
	}

	private EntityMapping require(Object entity) {
		Class<?> type = Hibernate.getClass(entity);
		EntityMapping mapping = find(type);
		if (mapping == null) {
			throw new PaidSyncDataException(type.getSimpleName() + " is not mapped to Paid");
		}
		return mapping;
	}

}
