package ai.paid.spring.sync.jpa;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ai.paid.spring.sync.PaidEntityType;
import org.jspecify.annotations.Nullable;

/**
 * The Paid fields each entity type can map, by wire name, with their value kind.
 */
final class PaidFieldCatalog {

	/** Fields only orders have; mapping one makes an inferred entity an order. */
	static final Set<String> ORDER_ONLY = Set.of("startDate", "endDate", "currency", "subscriptionTerms",
			"billingAnchor", "paymentTerms");

	/** Fields only contacts have; mapping one makes an inferred entity a contact. */
	static final Set<String> CONTACT_ONLY = Set.of("firstName", "lastName", "roles", "billingAddress.street");

	private static final Map<PaidEntityType, Map<String, PaidFieldKind>> FIELDS = new EnumMap<>(PaidEntityType.class);

	static {
		Map<String, PaidFieldKind> customer = new LinkedHashMap<>();
		for (String name : new String[] { "name", "email", "phone", "website", "legalName", "vatNumber",
				"defaultCurrency", "billingAddress.line1", "billingAddress.line2", "billingAddress.city",
				"billingAddress.state", "billingAddress.zipCode", "billingAddress.country" }) {
			customer.put(name, PaidFieldKind.TEXT);
		}
		customer.put("creationState", PaidFieldKind.STATE);
		customer.put("metadata", PaidFieldKind.MAP);
		FIELDS.put(PaidEntityType.CUSTOMER, customer);

		Map<String, PaidFieldKind> contact = new LinkedHashMap<>();
		for (String name : new String[] { "firstName", "lastName", "email", "phone", "billingAddress.street",
				"billingAddress.city", "billingAddress.state", "billingAddress.country", "billingAddress.zipCode" }) {
			contact.put(name, PaidFieldKind.TEXT);
		}
		contact.put("roles", PaidFieldKind.ROLES);
		FIELDS.put(PaidEntityType.CONTACT, contact);

		Map<String, PaidFieldKind> order = new LinkedHashMap<>();
		for (String name : new String[] { "name", "currency", "paymentTerms" }) {
			order.put(name, PaidFieldKind.TEXT);
		}
		order.put("startDate", PaidFieldKind.DATE);
		order.put("endDate", PaidFieldKind.DATE);
		order.put("creationState", PaidFieldKind.STATE);
		order.put("subscriptionTerms", PaidFieldKind.INTEGER);
		order.put("billingAnchor", PaidFieldKind.INTEGER);
		order.put("metadata", PaidFieldKind.MAP);
		FIELDS.put(PaidEntityType.ORDER, order);

		Map<String, PaidFieldKind> user = new LinkedHashMap<>();
		user.put("name", PaidFieldKind.TEXT);
		user.put("email", PaidFieldKind.TEXT);
		user.put("metadata", PaidFieldKind.MAP);
		FIELDS.put(PaidEntityType.USER, user);
	}

	private PaidFieldCatalog() {
	}

	static @Nullable PaidFieldKind kind(PaidEntityType type, String field) {
		return FIELDS.get(type).get(field);
	}

	static Set<String> names(PaidEntityType type) {
		return FIELDS.get(type).keySet();
	}

}
