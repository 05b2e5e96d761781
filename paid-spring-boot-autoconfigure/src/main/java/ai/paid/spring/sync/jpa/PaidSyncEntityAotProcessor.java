package ai.paid.spring.sync.jpa;

import java.util.LinkedHashSet;
import java.util.Set;

import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.EntityListeners;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.util.ClassUtils;

/**
 * Keeps the members of synced entities readable in a native image: the mappings read an entity's annotated fields
 * and getters, and call its {@code @PaidOrderLines} method, reflectively ({@link MemberAccessor}). At build time it
 * finds the entities of every {@link PersistenceManagedTypes} bean that carry {@link PaidSync} or the
 * {@link PaidSyncEntityListener}, and registers their declared fields, methods and constructors, superclasses
 * included. Registered through {@code META-INF/spring/aot.factories}; does nothing without JPA.
 */
class PaidSyncEntityAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final String MANAGED_TYPES = "org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes";

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		if (!ClassUtils.isPresent(MANAGED_TYPES, classLoader)
				|| !ClassUtils.isPresent("jakarta.persistence.EntityListeners", classLoader)) {
			return null;
		}
		Set<Class<?>> synced = SyncedEntities.find(beanFactory, classLoader);
		if (synced.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> synced
			.forEach((type) -> register(generationContext.getRuntimeHints().reflection(), type));
	}

	private static void register(ReflectionHints reflection, Class<?> type) {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			reflection.registerType(current, MemberCategory.ACCESS_DECLARED_FIELDS,
					MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		}
	}

	/** Kept apart so that the processor loads on a classpath without Spring ORM. */
	private static final class SyncedEntities {

		static Set<Class<?>> find(ConfigurableListableBeanFactory beanFactory, @Nullable ClassLoader classLoader) {
			Set<Class<?>> synced = new LinkedHashSet<>();
			for (String name : beanFactory.getBeanNamesForType(PersistenceManagedTypes.class, false, false)) {
				PersistenceManagedTypes types = beanFactory.getBean(name, PersistenceManagedTypes.class);
				for (String className : types.getManagedClassNames()) {
					Class<?> type = ClassUtils.resolveClassName(className, classLoader);
					if (isSynced(type)) {
						synced.add(type);
					}
				}
			}
			return synced;
		}

		private static boolean isSynced(Class<?> type) {
			if (AnnotatedElementUtils.hasAnnotation(type, PaidSync.class)) {
				return true;
			}
			EntityListeners listeners = AnnotatedElementUtils.findMergedAnnotation(type, EntityListeners.class);
			if (listeners == null) {
				return false;
			}
			for (Class<?> listener : listeners.value()) {
				if (PaidSyncEntityListener.class.isAssignableFrom(listener)) {
					return true;
				}
			}
			return false;
		}

	}

}
