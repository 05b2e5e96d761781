package ai.paid.spring.sync.jpa;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidMapper;
import ai.paid.spring.sync.PaidSyncDataException;
import ai.paid.spring.sync.PaidSyncMappingException;
import ai.paid.spring.sync.delivery.SyncPayloadCodec;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * The validated Paid mappings of every synced entity class of a persistence unit: built once at startup, as one bean,
 * and shared by live capture and the backfill.
 */
public final class EntityMappings {

	private final Map<Class<?>, EntityMapping> byClass;

	EntityMappings(Map<Class<?>, EntityMapping> byClass) {
		this.byClass = Map.copyOf(byClass);
	}

	/**
	 * Builds and validates the mappings of the persistence unit's entities.
	 * @param entityManagerFactory the persistence unit
	 * @param mappers the application's {@link PaidMapper} beans
	 * @param zone zone for date values without one ({@code LocalDate}, {@code LocalDateTime})
	 * @return the mappings
	 * @throws PaidSyncMappingException naming every entity and member that is mapped wrongly
	 */
	public static EntityMappings build(EntityManagerFactory entityManagerFactory,
			Collection<? extends PaidMapper<?>> mappers, ZoneId zone) {
		return new EntityMappingFactory(entityManagerFactory.getMetamodel(),
				entityManagerFactory.getPersistenceUnitUtil(), mappers, zone, new SyncPayloadCodec())
			.build();
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
