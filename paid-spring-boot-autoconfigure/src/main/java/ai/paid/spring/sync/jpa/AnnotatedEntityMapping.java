package ai.paid.spring.sync.jpa;

import java.lang.reflect.Array;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.paid.spring.sync.PaidContactData;
import ai.paid.spring.sync.PaidCustomerData;
import ai.paid.spring.sync.PaidEntityData;
import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidOrderData;
import ai.paid.spring.sync.PaidOrderLine;
import ai.paid.spring.sync.PaidSyncDataException;
import ai.paid.spring.sync.PaidUserData;
import ai.paid.spring.sync.delivery.SyncPayloadCodec;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * An entity mapped by annotations (or by name): reads the marked members and builds the Paid state. Validated by
 * {@link EntityMappingFactory} before it is used.
 */
final class AnnotatedEntityMapping implements EntityMapping {

	/** Reads the external id: a marked member or the JPA identifier. */
	interface IdReader {

		@Nullable Object read(Object entity);

		String describe();

	}

	/**
	 * A member pointing at another entity (a relation) or holding external ids directly.
	 */
	record Reference(MemberAccessor accessor, boolean entity) {
	}

	private final PaidEntityType type;

	private final Class<?> entityClass;

	private final IdReader externalId;

	private final Map<String, MemberAccessor> fields;

	private final @Nullable Reference customer;

	private final @Nullable Reference billingContacts;

	private final @Nullable MemberAccessor lines;

	private final Set<String> trackedProperties;

	private final boolean tracksAll;

	private final ZoneId zone;

	private final SyncPayloadCodec codec;

	AnnotatedEntityMapping(PaidEntityType type, Class<?> entityClass, IdReader externalId,
			Map<String, MemberAccessor> fields, @Nullable Reference customer, @Nullable Reference billingContacts,
			@Nullable MemberAccessor lines, Set<String> trackedProperties, boolean tracksAll, ZoneId zone,
			SyncPayloadCodec codec) {
		this.type = type;
		this.entityClass = entityClass;
		this.externalId = externalId;
		this.fields = fields;
		this.customer = customer;
		this.billingContacts = billingContacts;
		this.lines = lines;
		this.trackedProperties = trackedProperties;
		this.tracksAll = tracksAll;
		this.zone = zone;
		this.codec = codec;
	}

	PaidEntityType type() {
		return this.type;
	}

	@Override
	public Class<?> entityClass() {
		return this.entityClass;
	}

	@Override
	public boolean affectedBy(@Nullable Collection<String> dirtyProperties) {
		if (this.tracksAll || dirtyProperties == null) {
			return true;
		}
		for (String property : dirtyProperties) {
			if (this.trackedProperties.contains(property)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String externalId(Object entity, EntityMappings mappings) {
		Object value = this.externalId.read(entity);
		if (value == null || value.toString().isBlank()) {
			throw new PaidSyncDataException(this.entityClass.getSimpleName() + " has no external id for Paid: "
					+ this.externalId.describe() + " is " + ((value == null) ? "null" : "blank")
					+ "; set it before the transaction commits");
		}
		return value.toString();
	}

	@Override
	public PaidEntityData snapshot(Object entity, EntityMappings mappings) {
		Map<String, Object> values = new LinkedHashMap<>();
		String id = externalId(entity, mappings);
		values.put("externalId", id);
		this.fields.forEach((name, accessor) -> {
			Object value = accessor.read(entity);
			if (value != null) {
				put(values, name, PaidFieldCatalog.kind(this.type, name).convert(value, this.zone));
			}
		});
		if (this.type != PaidEntityType.CUSTOMER) {
			values.put("customerExternalId", customerExternalId(entity, id, mappings));
		}
		if (this.billingContacts != null) {
			values.put("billingContactExternalIds", references(this.billingContacts, entity, mappings));
		}
		if (this.lines != null) {
			values.put("lines", lines(entity));
		}
		Class<? extends PaidEntityData> dataType = switch (this.type) {
			case CUSTOMER -> PaidCustomerData.class;
			case CONTACT -> PaidContactData.class;
			case ORDER -> PaidOrderData.class;
			case USER -> PaidUserData.class;
		};
		return this.codec.mapper().convertValue(values, dataType);
	}

	@Override
	public Set<String> clearedFields(Object entity) {
		Map<String, Boolean> empty = new LinkedHashMap<>();
		this.fields.forEach((name, accessor) -> {
			String field = (name.indexOf('.') < 0) ? name : name.substring(0, name.indexOf('.'));
			empty.merge(field, accessor.read(entity) == null, Boolean::logicalAnd);
		});
		Set<String> cleared = new java.util.LinkedHashSet<>();
		empty.forEach((field, isEmpty) -> {
			if (isEmpty) {
				cleared.add(field);
			}
		});
		return cleared;
	}

	private String customerExternalId(Object entity, String id, EntityMappings mappings) {
		Reference reference = this.customer;
		Object value = (reference != null) ? reference.accessor().read(entity) : null;
		if (value == null) {
			throw new PaidSyncDataException(this.entityClass.getSimpleName() + " '" + id + "' has no customer ("
					+ ((reference != null) ? reference.accessor().describe() : "no customer member")
					+ " is null); a Paid " + this.type.name().toLowerCase() + " needs one");
		}
		return reference.entity() ? mappings.externalIdOf(value) : PaidFieldKind.text(value);
	}

	private @Nullable List<String> references(Reference reference, Object entity, EntityMappings mappings) {
		Object value = reference.accessor().read(entity);
		if (value == null) {
			return null;
		}
		List<String> ids = new ArrayList<>();
		for (Object element : elements(value)) {
			if (element != null) {
				ids.add(isEntity(element, mappings) ? mappings.externalIdOf(element) : PaidFieldKind.text(element));
			}
		}
		return ids;
	}

	private static boolean isEntity(Object value, EntityMappings mappings) {
		return !(value instanceof CharSequence) && mappings.isSynced(Hibernate.getClass(value));
	}

	private @Nullable List<PaidOrderLine> lines(Object entity) {
		Object value = this.lines.read(entity);
		if (value == null) {
			return null;
		}
		List<PaidOrderLine> result = new ArrayList<>();
		for (Object element : elements(value)) {
			if (element instanceof PaidOrderLine line) {
				result.add(line);
			}
			else if (element != null) {
				result.add(OrderLineReader.read(element, this.lines.describe()));
			}
		}
		return result;
	}

	private static Iterable<?> elements(Object value) {
		if (value instanceof Iterable<?> iterable) {
			return iterable;
		}
		if (value.getClass().isArray()) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				list.add(Array.get(value, i));
			}
			return list;
		}
		return List.of(value);
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> values, String name, Object value) {
		int dot = name.indexOf('.');
		if (dot < 0) {
			values.put(name, value);
			return;
		}
		Map<String, Object> nested = (Map<String, Object>) values.computeIfAbsent(name.substring(0, dot),
				(key) -> new LinkedHashMap<String, Object>());
		nested.put(name.substring(dot + 1), value);
	}

}
