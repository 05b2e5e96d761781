package ai.paid.spring.sync.jpa;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

import ai.paid.spring.sync.PaidOrderLine;
import ai.paid.spring.sync.PaidSyncDataException;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Reads an order line from an application object by property name: {@code productExternalId} (required),
 * {@code name}, {@code description}.
 */
final class OrderLineReader {

	static final String PRODUCT = "productExternalId";

	private OrderLineReader() {
	}

	static PaidOrderLine read(Object element, String source) {
		Object line = Hibernate.unproxy(element);
		Object product = property(line, PRODUCT);
		if (product == null) {
			throw new PaidSyncDataException("An order line in " + source + " (" + line.getClass().getSimpleName()
					+ ") has a null productExternalId");
		}
		Object name = property(line, "name");
		Object description = property(line, "description");
		return new PaidOrderLine(product.toString(), (name != null) ? name.toString() : null,
				(description != null) ? description.toString() : null, null);
	}

	/** Whether the type has the property as a getter or a field. */
	static boolean hasProperty(Class<?> type, String name) {
		return getter(type, name) != null || ReflectionUtils.findField(type, name) != null;
	}

	private static @Nullable Object property(Object target, String name) {
		Method getter = getter(target.getClass(), name);
		if (getter != null) {
			ReflectionUtils.makeAccessible(getter);
			return ReflectionUtils.invokeMethod(getter, target);
		}
		Field field = ReflectionUtils.findField(target.getClass(), name);
		if (field == null) {
			return null;
		}
		ReflectionUtils.makeAccessible(field);
		return ReflectionUtils.getField(field, target);
	}

	private static @Nullable Method getter(Class<?> type, String name) {
		Method getter = ReflectionUtils.findMethod(type, "get" + StringUtils.capitalize(name));
		return (getter != null) ? getter : ReflectionUtils.findMethod(type, name);
	}

}
