package ai.paid.spring.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Support for update requests' {@code explicitNulls}: the names of nullable fields to send as JSON {@code null}
 * (clearing them in Paid) rather than leaving them out.
 */
final class ExplicitNulls {

	private ExplicitNulls() {
	}

	static Set<String> validate(@Nullable Set<String> names, Set<String> allowed, String type) {
		if (names == null || names.isEmpty()) {
			return Set.of();
		}
		for (String name : names) {
			if (!allowed.contains(name)) {
				throw new IllegalArgumentException(
						type + " field '" + name + "' cannot be sent as null; nullable fields are " + allowed);
			}
		}
		return Collections.unmodifiableSet(new LinkedHashSet<>(names));
	}

	static Set<String> plus(Set<String> current, String... names) {
		Set<String> result = new LinkedHashSet<>(current);
		result.addAll(List.of(names));
		return result;
	}

	static Map<String, @Nullable Object> asNullMap(Set<String> names, Map<String, @Nullable Object> values) {
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		for (String name : names) {
			if (values.get(name) == null) {
				result.put(name, null);
			}
		}
		return result;
	}

}
