package ai.paid.spring.sync.jpa;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The value shapes of Paid fields: which Java types a member may have, and how its value becomes the Paid value.
 */
enum PaidFieldKind {

	TEXT("a CharSequence, an enum or a java.util.Currency") {
		@Override
		boolean accepts(Class<?> type) {
			return CharSequence.class.isAssignableFrom(type) || type.isEnum() || Currency.class == type;
		}

		@Override
		Object convert(Object value, ZoneId zone) {
			return text(value);
		}
	},

	STATE("a CharSequence or an enum holding draft or active") {
		@Override
		boolean accepts(Class<?> type) {
			return CharSequence.class.isAssignableFrom(type) || type.isEnum();
		}

		@Override
		Object convert(Object value, ZoneId zone) {
			return text(value).toLowerCase(Locale.ROOT);
		}
	},

	MAP("a java.util.Map") {
		@Override
		boolean accepts(Class<?> type) {
			return Map.class.isAssignableFrom(type);
		}

		@Override
		Object convert(Object value, ZoneId zone) {
			Map<String, Object> copy = new LinkedHashMap<>();
			((Map<?, ?>) value).forEach((key, entry) -> copy.put(String.valueOf(key), entry));
			return copy;
		}
	},

	DATE("a LocalDate, LocalDateTime, OffsetDateTime, ZonedDateTime, Instant or java.util.Date") {
		@Override
		boolean accepts(Class<?> type) {
			return type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class
					|| type == ZonedDateTime.class || type == Instant.class || Date.class.isAssignableFrom(type);
		}

		@Override
		Object convert(Object value, ZoneId zone) {
			if (value instanceof LocalDate date) {
				return date.atStartOfDay(zone).toOffsetDateTime();
			}
			if (value instanceof LocalDateTime dateTime) {
				return dateTime.atZone(zone).toOffsetDateTime();
			}
			if (value instanceof OffsetDateTime dateTime) {
				return dateTime;
			}
			if (value instanceof ZonedDateTime dateTime) {
				return dateTime.toOffsetDateTime();
			}
			if (value instanceof java.sql.Date date) {
				return date.toLocalDate().atStartOfDay(zone).toOffsetDateTime();
			}
			Instant instant = (value instanceof Date date) ? date.toInstant() : (Instant) value;
			return instant.atOffset(ZoneOffset.UTC);
		}
	},

	INTEGER("an int, long, short or Number") {
		@Override
		boolean accepts(Class<?> type) {
			return type == int.class || type == long.class || type == short.class
					|| Number.class.isAssignableFrom(type);
		}

		@Override
		Object convert(Object value, ZoneId zone) {
			return ((Number) value).intValue();
		}
	},

	ROLES("a collection or array of BILLING / ACCOUNTS_PAYABLE (strings or enums)") {
		@Override
		boolean accepts(Class<?> type) {
			return Collection.class.isAssignableFrom(type) || type.isArray();
		}

		@Override
		Object convert(Object value, ZoneId zone) {
			List<String> roles = new ArrayList<>();
			if (value.getClass().isArray()) {
				for (int i = 0; i < Array.getLength(value); i++) {
					addRole(roles, Array.get(value, i));
				}
			}
			else {
				((Collection<?>) value).forEach((role) -> addRole(roles, role));
			}
			return roles;
		}

		private void addRole(List<String> roles, @Nullable Object role) {
			if (role != null) {
				roles.add(text(role).toUpperCase(Locale.ROOT));
			}
		}
	};

	private final String expected;

	PaidFieldKind(String expected) {
		this.expected = expected;
	}

	/** What the member's type should be, for messages. */
	String expected() {
		return this.expected;
	}

	abstract boolean accepts(Class<?> type);

	abstract Object convert(Object value, ZoneId zone);

	static String text(Object value) {
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Currency currency) {
			return currency.getCurrencyCode();
		}
		return value.toString();
	}

}
