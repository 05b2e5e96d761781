package ai.paid.spring.sync.jpa;

import java.util.Collection;

import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidMapper;
import ai.paid.spring.sync.PaidSyncDataException;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * An entity mapped by a {@link PaidMapper} bean. Which properties the mapper reads is unknown, so every update counts.
 */
final class MapperEntityMapping<E> implements EntityMapping {

	private final PaidMapper<E> mapper;

	MapperEntityMapping(PaidMapper<E> mapper) {
		this.mapper = mapper;
	}

	@Override
	public Class<?> entityClass() {
		return this.mapper.entityType();
	}

	@Override
	public PaidEntityData snapshot(Object entity, EntityMappings mappings) {
		E target = this.mapper.entityType().cast(Hibernate.unproxy(entity));
		PaidEntityData data = this.mapper.map(target);
		if (data == null) {
			throw new PaidSyncDataException("PaidMapper for " + this.mapper.entityType().getSimpleName()
					+ " returned null; it must return the entity's Paid data");
		}
		return data;
	}

	@Override
	public String externalId(Object entity, EntityMappings mappings) {
		return snapshot(entity, mappings).externalId();
	}

	@Override
	public boolean affectedBy(@Nullable Collection<String> dirtyProperties) {
		return true;
	}

}
