package ai.paid.spring.sync.jpa;

// Why this class is long: about 440 lines because every rule about one annotated entity (customer, contact, order and
// user fields, ids, links, order lines) is checked here against one collected view of its members; split, each part
// would need that whole view passed around, and the rules that span kinds (a contact's customer, an order's lines)
// would be read in two places.

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ai.paid.spring.sync.PaidEntityType;
import ai.paid.spring.sync.PaidOrderLine;
import ai.paid.spring.sync.annotation.PaidBillingContact;
import ai.paid.spring.sync.annotation.PaidCustomer;
import ai.paid.spring.sync.annotation.PaidExternalId;
import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidOrderLines;
import ai.paid.spring.sync.annotation.PaidSync;
import ai.paid.spring.sync.delivery.SyncPayloadCodec;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type.PersistenceType;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;

/**
 * One annotated entity while its Paid mapping is worked out: collects its marked members, decides its type (stated or
 * inferred), then builds and checks the {@link AnnotatedEntityMapping}, reporting each problem with the entity and
 * member it concerns.
 */
final class AnnotatedMappingDraft {

	/**
	 * What every draft shares: where problems go, and what the mappings are built with.
	 */
	record MappingContext(List<String> problems, PersistenceUnitUtil persistenceUnitUtil, ZoneId zone,
			SyncPayloadCodec codec) {
	}

	private final MappingContext context;

	private final EntityType<?> entity;

	final Class<?> entityClass;

	private final PaidSync sync;

	private final String name;

	private final Map<MemberAccessor, String> fields = new LinkedHashMap<>();

	private final List<MemberAccessor> externalIds = new ArrayList<>();

	private final List<MemberAccessor> customers = new ArrayList<>();

	private final List<MemberAccessor> billingContacts = new ArrayList<>();

	private final List<MemberAccessor> lines = new ArrayList<>();

	private final Map<String, Field> plainFields = new LinkedHashMap<>();

	@Nullable PaidEntityType type;

	AnnotatedMappingDraft(EntityType<?> entity, PaidSync sync, MappingContext context) {
		this.context = context;
		this.entity = entity;
		this.entityClass = entity.getJavaType();
		this.sync = sync;
		this.name = this.entityClass.getSimpleName();
		for (Class<?> type = this.entityClass; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
					this.plainFields.putIfAbsent(field.getName(), field);
					collect(MemberAccessor.of(field, this.entityClass));
				}
			}
			for (Method method : type.getDeclaredMethods()) {
				if (!Modifier.isStatic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
						&& isMarked(method)) {
					if (method.getParameterCount() != 0 || method.getReturnType() == void.class) {
						problem(this.name + "." + method.getName()
								+ "(): Paid annotations go on fields or on getters without parameters");
					}
					else {
						collect(MemberAccessor.of(method, this.entityClass));
					}
				}
			}
		}
	}

	private boolean isMarked(Method method) {
		return method.isAnnotationPresent(PaidField.class) || method.isAnnotationPresent(PaidExternalId.class)
				|| method.isAnnotationPresent(PaidCustomer.class)
				|| method.isAnnotationPresent(PaidBillingContact.class)
				|| method.isAnnotationPresent(PaidOrderLines.class);
	}

	private void collect(MemberAccessor accessor) {
		PaidField field = accessor.annotated().getAnnotation(PaidField.class);
		if (field != null) {
			this.fields.put(accessor, field.value());
		}
		if (accessor.annotated().isAnnotationPresent(PaidExternalId.class)) {
			this.externalIds.add(accessor);
		}
		if (accessor.annotated().isAnnotationPresent(PaidCustomer.class)) {
			this.customers.add(accessor);
		}
		if (accessor.annotated().isAnnotationPresent(PaidBillingContact.class)) {
			this.billingContacts.add(accessor);
		}
		if (accessor.annotated().isAnnotationPresent(PaidOrderLines.class)) {
			this.lines.add(accessor);
		}
	}

	@Nullable PaidEntityType evidentType() {
		switch (this.sync.type()) {
			case CUSTOMER:
				return PaidEntityType.CUSTOMER;
			case CONTACT:
				return PaidEntityType.CONTACT;
			case ORDER:
				return PaidEntityType.ORDER;
			case USER:
				return PaidEntityType.USER;
			default:
		}
		Set<String> names = new HashSet<>(this.fields.values());
		if (this.sync.mapByName()) {
			names.addAll(this.plainFields.keySet());
		}
		if (!this.lines.isEmpty() || !this.billingContacts.isEmpty()
				|| names.stream().anyMatch(PaidFieldCatalog.ORDER_ONLY::contains)) {
			return PaidEntityType.ORDER;
		}
		if (!this.customers.isEmpty() || names.stream().anyMatch(PaidFieldCatalog.CONTACT_ONLY::contains)) {
			return PaidEntityType.CONTACT;
		}
		return null;
	}

	boolean hasRelationTo(Map<Class<?>, AnnotatedMappingDraft> drafts, Set<Class<?>> mapped) {
		return !customerCandidates(drafts, mapped).isEmpty();
	}

	/** To-one relations to entities that are (or may be) Paid customers. */
	private List<SingularAttribute<?, ?>> customerCandidates(Map<Class<?>, AnnotatedMappingDraft> drafts, Set<Class<?>> mapped) {
		List<SingularAttribute<?, ?>> candidates = new ArrayList<>();
		for (SingularAttribute<?, ?> attribute : this.entity.getSingularAttributes()) {
			Class<?> target = attribute.getJavaType();
			if (isToOne(attribute) && target != this.entityClass) {
				AnnotatedMappingDraft draft = drafts.get(target);
				if (mapped.contains(target) || (draft != null && draft.type != PaidEntityType.CONTACT
						&& draft.type != PaidEntityType.ORDER && draft.type != PaidEntityType.USER)) {
					candidates.add(attribute);
				}
			}
		}
		return candidates;
	}

	@Nullable AnnotatedEntityMapping build(Map<Class<?>, AnnotatedMappingDraft> drafts, Set<Class<?>> mapped) {
		int before = this.context.problems().size();
		PaidEntityType type = this.type;
		Set<String> tracked = new HashSet<>();
		boolean[] tracksAll = { false };
		Map<String, MemberAccessor> mappedFields = mapFields(type, tracked, tracksAll);
		AnnotatedEntityMapping.IdReader externalId = externalId(tracked, tracksAll);
		AnnotatedEntityMapping.Reference customer = null;
		AnnotatedEntityMapping.Reference billing = null;
		MemberAccessor lineMember = null;
		if (type == PaidEntityType.CUSTOMER) {
			forbid(this.customers, "@PaidCustomer", type);
		}
		else {
			customer = customer(drafts, mapped);
		}
		if (type == PaidEntityType.ORDER) {
			billing = billingContacts(drafts, mapped);
			lineMember = lines();
		}
		else {
			forbid(this.billingContacts, "@PaidBillingContact", type);
			forbid(this.lines, "@PaidOrderLines", type);
		}
		for (AnnotatedEntityMapping.Reference reference : new AnnotatedEntityMapping.Reference[] { customer,
				billing }) {
			if (reference != null) {
				track(reference.accessor(), tracked, tracksAll);
			}
		}
		if (this.context.problems().size() > before) {
			return null;
		}
		return new AnnotatedEntityMapping(type, this.entityClass, externalId, mappedFields, customer, billing,
				lineMember, tracked, tracksAll[0], this.context.zone(), this.context.codec());
	}

	private Map<String, MemberAccessor> mapFields(PaidEntityType type, Set<String> tracked, boolean[] tracksAll) {
		Map<String, MemberAccessor> mapped = new LinkedHashMap<>();
		this.fields.forEach((accessor, paidName) -> mapField(type, accessor, paidName, mapped, tracked, tracksAll));
		if (this.sync.mapByName()) {
			for (Field field : this.plainFields.values()) {
				MemberAccessor accessor = MemberAccessor.of(field, this.entityClass);
				boolean marked = this.fields.keySet()
					.stream()
					.anyMatch((member) -> member.describe().equals(accessor.describe()));
				if (!marked && !mapped.containsKey(field.getName())
						&& PaidFieldCatalog.kind(type, field.getName()) != null) {
					mapField(type, accessor, field.getName(), mapped, tracked, tracksAll);
				}
			}
		}
		return mapped;
	}

	private void mapField(PaidEntityType type, MemberAccessor accessor, String paidName,
			Map<String, MemberAccessor> mapped, Set<String> tracked, boolean[] tracksAll) {
		PaidFieldKind kind = PaidFieldCatalog.kind(type, paidName);
		if (kind == null) {
			problem(accessor.describe() + ": '" + paidName + "' is not a field of a Paid "
					+ type.name().toLowerCase() + " (known: " + String.join(", ", PaidFieldCatalog.names(type))
					+ ")");
		}
		else if (!kind.accepts(accessor.type())) {
			problem(accessor.describe() + " is " + accessor.type().getSimpleName() + ", but Paid "
					+ type.name().toLowerCase() + " field '" + paidName + "' needs " + kind.expected());
		}
		else if (mapped.putIfAbsent(paidName, accessor) != null) {
			problem(accessor.describe() + ": Paid field '" + paidName + "' is already mapped by "
					+ mapped.get(paidName).describe());
		}
		else {
			track(accessor, tracked, tracksAll);
		}
	}

	private AnnotatedEntityMapping.IdReader externalId(Set<String> tracked, boolean[] tracksAll) {
		if (this.externalIds.size() > 1) {
			problem(this.name + ": more than one @PaidExternalId (" + this.externalIds + "); keep one");
		}
		if (this.externalIds.size() == 1) {
			MemberAccessor accessor = this.externalIds.get(0);
			if (!isScalar(accessor.type())) {
				problem(accessor.describe() + " is " + accessor.type().getSimpleName()
						+ ", but a Paid external id needs a text, number, UUID or enum value");
			}
			track(accessor, tracked, tracksAll);
			return new AnnotatedEntityMapping.IdReader() {

				@Override
				public @Nullable Object read(Object entity) {
					return accessor.read(entity);
				}

				@Override
				public String describe() {
					return accessor.describe() + " (@PaidExternalId)";
				}

			};
		}
		if (!this.entity.hasSingleIdAttribute()
				|| this.entity.getIdType().getPersistenceType() != PersistenceType.BASIC) {
			problem(this.name + " has no usable external id: its JPA id is composite; mark a member holding "
					+ "the Paid external id with @PaidExternalId");
			return null;
		}
		SingularAttribute<?, ?> id = this.entity.getId(this.entity.getIdType().getJavaType());
		String description = this.name + "." + id.getName() + " (@Id)";
		PersistenceUnitUtil util = this.context.persistenceUnitUtil();
		return new AnnotatedEntityMapping.IdReader() {

			@Override
			public @Nullable Object read(Object entity) {
				return util.getIdentifier(entity);
			}

			@Override
			public String describe() {
				return description;
			}

		};
	}

	private AnnotatedEntityMapping.@Nullable Reference customer(Map<Class<?>, AnnotatedMappingDraft> drafts,
			Set<Class<?>> mapped) {
		if (this.customers.size() > 1) {
			problem(this.name + ": more than one @PaidCustomer (" + this.customers + "); keep one");
			return null;
		}
		if (this.customers.size() == 1) {
			return reference(this.customers.get(0), "customer", PaidEntityType.CUSTOMER, drafts, mapped);
		}
		List<SingularAttribute<?, ?>> candidates = customerCandidates(drafts, mapped);
		if (candidates.size() == 1) {
			return new AnnotatedEntityMapping.Reference(member(candidates.get(0)), true);
		}
		if (candidates.isEmpty()) {
			problem(this.name + " (a Paid " + this.type.name().toLowerCase() + ") has no customer: mark a "
					+ "relation to a @PaidSync customer entity, or a member holding the customer's external id, "
					+ "with @PaidCustomer");
		}
		else {
			problem(this.name + " has several relations that could be its customer ("
					+ candidates.stream().map(Attribute::getName).toList() + "); mark one with @PaidCustomer");
		}
		return null;
	}

	private AnnotatedEntityMapping.@Nullable Reference billingContacts(Map<Class<?>, AnnotatedMappingDraft> drafts,
			Set<Class<?>> mapped) {
		if (this.billingContacts.size() > 1) {
			problem(this.name + ": more than one @PaidBillingContact (" + this.billingContacts + "); keep one");
			return null;
		}
		if (this.billingContacts.size() == 1) {
			return reference(this.billingContacts.get(0), "billing contact", PaidEntityType.CONTACT, drafts,
					mapped);
		}
		List<SingularAttribute<?, ?>> contacts = new ArrayList<>();
		for (SingularAttribute<?, ?> attribute : this.entity.getSingularAttributes()) {
			AnnotatedMappingDraft target = drafts.get(attribute.getJavaType());
			if (isToOne(attribute) && target != null && target.type == PaidEntityType.CONTACT) {
				contacts.add(attribute);
			}
		}
		return (contacts.size() == 1) ? new AnnotatedEntityMapping.Reference(member(contacts.get(0)), true)
				: null;
	}

	private AnnotatedEntityMapping.@Nullable Reference reference(MemberAccessor accessor, String role,
			PaidEntityType expected, Map<Class<?>, AnnotatedMappingDraft> drafts, Set<Class<?>> mapped) {
		Class<?> type = accessor.type();
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			if (expected == PaidEntityType.CUSTOMER) {
				problem(accessor.describe() + ": a " + role + " is one entity or one external id, not a collection");
				return null;
			}
			ResolvableType element = ResolvableType.forType(accessor.genericType());
			type = type.isArray() ? type.getComponentType() : element.asCollection().resolveGeneric(0);
			if (type == null) {
				return new AnnotatedEntityMapping.Reference(accessor, true);
			}
		}
		if (isScalar(type)) {
			return new AnnotatedEntityMapping.Reference(accessor, false);
		}
		AnnotatedMappingDraft target = drafts.get(type);
		if (mapped.contains(type) || (target != null && target.type == expected)) {
			return new AnnotatedEntityMapping.Reference(accessor, true);
		}
		problem(accessor.describe() + " refers to " + type.getSimpleName() + ", which is not a @PaidSync "
				+ expected.name().toLowerCase() + " entity; sync it too, or point the " + role
				+ " at a member holding its external id");
		return null;
	}

	private @Nullable MemberAccessor lines() {
		if (this.lines.size() > 1) {
			problem(this.name + ": more than one @PaidOrderLines (" + this.lines + "); keep one");
			return null;
		}
		if (this.lines.isEmpty()) {
			return null;
		}
		MemberAccessor accessor = this.lines.get(0);
		Class<?> type = accessor.type();
		Class<?> element;
		if (type.isArray()) {
			element = type.getComponentType();
		}
		else if (Iterable.class.isAssignableFrom(type)) {
			element = ResolvableType.forType(accessor.genericType()).as(Iterable.class).resolveGeneric(0);
		}
		else {
			problem(accessor.describe() + " is " + type.getSimpleName()
					+ ", but @PaidOrderLines needs a collection of order lines");
			return null;
		}
		if (element != null && element != PaidOrderLine.class && element != Object.class
				&& !OrderLineReader.hasProperty(element, OrderLineReader.PRODUCT)) {
			problem(accessor.describe() + ": order line type " + element.getSimpleName()
					+ " has no productExternalId property; use PaidOrderLine or add one");
			return null;
		}
		return accessor;
	}

	private void forbid(List<MemberAccessor> members, String annotation, PaidEntityType type) {
		for (MemberAccessor member : members) {
			problem(member.describe() + ": " + annotation + " does not apply to a Paid " + type.name().toLowerCase()
					+ " (" + this.name + " is mapped as one; set @PaidSync(type = ...) if that is wrong)");
		}
	}

	private MemberAccessor member(SingularAttribute<?, ?> attribute) {
		return MemberAccessor.of(attribute.getJavaMember(), this.entityClass);
	}

	private void track(MemberAccessor accessor, Set<String> tracked, boolean[] tracksAll) {
		String property = accessor.propertyName();
		boolean persistent = this.entity.getAttributes().stream().anyMatch((a) -> a.getName().equals(property));
		if (persistent) {
			tracked.add(property);
		}
		else {
			// a computed getter may read any property
			tracksAll[0] = true;
		}
	}

	private void problem(String problem) {
		this.context.problems().add(problem);
	}

	static boolean isScalar(Class<?> type) {
		return type.isPrimitive() || CharSequence.class.isAssignableFrom(type)
				|| Number.class.isAssignableFrom(type) || UUID.class == type || type.isEnum();
	}

	static boolean isToOne(Attribute<?, ?> attribute) {
		return attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.MANY_TO_ONE
				|| attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.ONE_TO_ONE;
	}

}
