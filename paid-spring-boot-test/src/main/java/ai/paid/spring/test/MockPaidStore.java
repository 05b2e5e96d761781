package ai.paid.spring.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import tools.jackson.databind.node.ObjectNode;

/**
 * The mock's in-memory state: customers, contacts, orders with their lines, products and signals.
 */
final class MockPaidStore {

	final EntityTable customers = new EntityTable("cus_", true);

	final EntityTable contacts = new EntityTable("con_", true);

	/** Orders' external ids are not unique: Paid has no route to look an order up by one. */
	final EntityTable orders = new EntityTable("ord_", false);

	final EntityTable products = new EntityTable("prod_", true);

	final Map<String, List<ObjectNode>> orderLines = new ConcurrentHashMap<>();

	final ConcurrentLinkedQueue<ObjectNode> signals = new ConcurrentLinkedQueue<>();

	final Set<String> signalIdempotencyKeys = ConcurrentHashMap.newKeySet();

	/** Customer users by {@code <customer external id>/<user external id>}, in creation order. */
	final Map<String, ObjectNode> users = Collections.synchronizedMap(new LinkedHashMap<>());

	/** Credit balances by customer Paid id. */
	final Map<String, List<ObjectNode>> creditBalances = new ConcurrentHashMap<>();
	final ConcurrentLinkedQueue<ObjectNode> costs = new ConcurrentLinkedQueue<>();

	/** 400 unless {@code customerId} is an existing customer's Paid id (contacts and orders need one). */
	void requireCustomer(String customerId, String where) {
		if (this.customers.get(customerId) == null) {
			throw MockApiError.badRequest("CUSTOMER_NOT_FOUND",
					where + ".customerId '" + customerId + "' is not an existing customer id");
		}
	}

	void clear() {
		this.customers.clear();
		this.contacts.clear();
		this.orders.clear();
		this.products.clear();
		this.orderLines.clear();
		this.signals.clear();
		this.signalIdempotencyKeys.clear();
		this.users.clear();
		this.creditBalances.clear();
		this.costs.clear();
	}

}
