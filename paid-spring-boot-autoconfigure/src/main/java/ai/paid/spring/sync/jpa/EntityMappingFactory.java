package ai.paid.spring.sync.jpa;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidMapper;
import ai.paid.spring.sync.PaidSyncMappingException;
import ai.paid.spring.sync.annotation.PaidSync;
import ai.paid.spring.sync.delivery.SyncPayloadCodec;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Builds and validates the Paid mapping of every synced entity from the JPA metamodel, the annotations and the
 * {@link PaidMapper} beans. Collects every problem, then fails once with all of them.
 */
final class EntityMappingFactory {

	private final Metamodel metamodel;

	private final PersistenceUnitUtil persistenceUnitUtil;

	private final Collection<? extends PaidMapper<?>> mappers;

	private final ZoneId zone;

	private final SyncPayloadCodec codec;

	private final List<String> problems = new ArrayList<>();

	EntityMappingFactory(Metamodel metamodel, PersistenceUnitUtil persistenceUnitUtil,
			Collection<? extends PaidMapper<?>> mappers, ZoneId zone, SyncPayloadCodec codec) {
		this.metamodel = metamodel;
		this.persistenceUnitUtil = persistenceUnitUtil;
		this.mappers = mappers;
		this.zone = zone;
		this.codec = codec;
	}

	/**
	 * @throws PaidSyncMappingException listing every problem found
	 */
	EntityMappings build() {
		Map<Class<?>, EntityMapping> mappings = new LinkedHashMap<>();
		Set<Class<?>> entityClasses = new HashSet<>();
		this.metamodel.getEntities().forEach((entity) -> entityClasses.add(entity.getJavaType()));
		for (PaidMapper<?> mapper : this.mappers) {
			Class<?> type = mapper.entityType();
			if (!entityClasses.contains(type)) {
				this.problems.add("PaidMapper " + mapper.getClass().getName() + ": " + type.getName()
						+ " is not a JPA entity of this persistence unit");
			}
			else if (mappings.putIfAbsent(type, new MapperEntityMapping<>(mapper)) != null) {
				this.problems.add(type.getSimpleName() + ": more than one PaidMapper bean; keep one");
			}
		}
		AnnotatedMappingDraft.MappingContext context = new AnnotatedMappingDraft.MappingContext(this.problems,
				this.persistenceUnitUtil, this.zone, this.codec);
		Map<Class<?>, AnnotatedMappingDraft> drafts = new LinkedHashMap<>();
		for (EntityType<?> entity : this.metamodel.getEntities()) {
			Class<?> type = entity.getJavaType();
			PaidSync sync = syncAnnotation(type);
			if (sync != null && !mappings.containsKey(type)) {
				drafts.put(type, new AnnotatedMappingDraft(entity, sync, context));
			}
		}
		Set<Class<?>> mapperMapped = Set.copyOf(mappings.keySet());
		drafts.values().forEach((draft) -> draft.type = draft.evidentType());
		drafts.values().stream().filter((draft) -> draft.type == null).forEach((draft) -> draft.type = draft
			.hasRelationTo(drafts, mapperMapped) ? PaidEntityType.CONTACT : PaidEntityType.CUSTOMER);
		for (AnnotatedMappingDraft draft : drafts.values()) {
			AnnotatedEntityMapping mapping = draft.build(drafts, mapperMapped);
			if (mapping != null) {
				mappings.put(draft.entityClass, mapping);
			}
		}
		if (!this.problems.isEmpty()) {
			throw new PaidSyncMappingException(this.problems);
		}
		return new EntityMappings(mappings);
	}

	private static @Nullable PaidSync syncAnnotation(Class<?> type) {
		PaidSync sync = AnnotatedElementUtils.findMergedAnnotation(type, PaidSync.class);
		if (sync != null) {
			return sync;
		}
		EntityListeners listeners = AnnotatedElementUtils.findMergedAnnotation(type, EntityListeners.class);
		if (listeners != null && Arrays.asList(listeners.value()).contains(PaidSyncEntityListener.class)) {
			return Defaults.class.getAnnotation(PaidSync.class);
		}
		return null;
	}

	@PaidSync
	private static final class Defaults {

	}

}
