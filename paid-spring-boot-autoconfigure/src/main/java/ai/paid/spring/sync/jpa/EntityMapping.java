package ai.paid.spring.sync.jpa;

import java.util.Collection;
import java.util.Set;

import ai.paid.spring.sync.PaidEntityData;
import org.jspecify.annotations.Nullable;

/**
 * How one entity class becomes Paid state.
 */
interface EntityMapping {

	Class<?> entityClass();

	/** The entity's current Paid state; related entities are resolved through the mappings. */
	PaidEntityData snapshot(Object entity, EntityMappings mappings);

	/**
	 * Paid fields (top-level wire names) the entity maps but currently holds no value for, so an update can clear
	 * them in Paid instead of leaving the old value.
	 */
	default Set<String> clearedFields(Object entity) {
		return Set.of();
	}

	/** The entity's external id, for relations pointing at it. */
	String externalId(Object entity, EntityMappings mappings);

	/**
	 * Whether an update that changed these persistent properties can change the Paid state ({@code null}: unknown,
	 * assume it can).
	 */
	boolean affectedBy(@Nullable Collection<String> dirtyProperties);

}
