package ai.paid.spring.sync.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.paid.spring.sync.PaidEntityType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A synced entity class and how to page through it by its id.
 *
 * @param name the JPA entity name
 * @param javaType the entity class
 * @param idAttribute the name of its single, comparable id attribute
 * @param idType the id's (boxed) type
 * @param fetches {@code left join fetch} clauses for its to-one relations, so they come with the page
 * @param type what it is in Paid, {@code null} for a mapper-mapped class until one of its entities was seen
 */
record SyncedClass(String name, Class<?> javaType, String idAttribute, Class<?> idType, String fetches,
		@Nullable PaidEntityType type) {

	private static final Log logger = LogFactory.getLog(SyncedClass.class);

	private static final Map<Class<?>, Class<?>> BOXES = Map.of(long.class, Long.class, int.class, Integer.class,
			short.class, Short.class);

	SyncedClass withType(PaidEntityType type) {
		return new SyncedClass(this.name, this.javaType, this.idAttribute, this.idType, this.fetches, type);
	}

	/** The synced classes of the persistence unit that can be paged through, by name. */
	static List<SyncedClass> of(EntityManagerFactory entityManagerFactory, EntityMappings mappings) {
		List<SyncedClass> classes = new ArrayList<>();
		for (EntityType<?> entity : entityManagerFactory.getMetamodel().getEntities()) {
			EntityMapping mapping = mappings.find(entity.getJavaType());
			if (mapping == null) {
				continue;
			}
			SingularAttribute<?, ?> id = null;
			if (entity.hasSingleIdAttribute()) {
				for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
					if (attribute.isId()) {
						id = attribute;
					}
				}
			}
			if (id == null || !Comparable.class.isAssignableFrom(box(id.getJavaType()))) {
				logger.warn("Paid backfill cannot page through " + entity.getName()
						+ ": it needs a single, comparable @Id; its entities are not backfilled");
				continue;
			}
			PaidEntityType type = (mapping instanceof AnnotatedEntityMapping annotated) ? annotated.type() : null;
			StringBuilder fetches = new StringBuilder();
			for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
				if (attribute.isAssociation()) {
					fetches.append(" left join fetch e.").append(attribute.getName());
				}
			}
			classes.add(new SyncedClass(entity.getName(), entity.getJavaType(), id.getName(), box(id.getJavaType()),
					fetches.toString(), type));
		}
		classes.sort(Comparator.comparing(SyncedClass::name));
		return List.copyOf(classes);
	}

	private static Class<?> box(Class<?> type) {
		return BOXES.getOrDefault(type, type);
	}

}
