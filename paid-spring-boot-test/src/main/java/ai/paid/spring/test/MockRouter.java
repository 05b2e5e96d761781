package ai.paid.spring.test;

/**
 * Sends a request to the routes of its resource, turning a {@link MockApiError} into its error response.
 */
final class MockRouter {

	private final CustomerRoutes customers;

	private final ContactRoutes contacts;

	private final OrderRoutes orders;

	private final SignalRoutes signals;

	private final ProductRoutes products;

	private final CostRoutes costs;

	private final WebhookRoutes webhooks;

	MockRouter(MockPaidStore store, MockSettings settings, MockWebhooks webhooks) {
		ExternalIdConflicts conflicts = new ExternalIdConflicts(settings);
		this.customers = new CustomerRoutes(store, settings, conflicts);
		this.contacts = new ContactRoutes(store, settings, conflicts);
		this.orders = new OrderRoutes(store, settings);
		this.signals = new SignalRoutes(store, settings);
		this.products = new ProductRoutes(store, settings, conflicts);
		this.costs = new CostRoutes(store, settings);
		this.webhooks = new WebhookRoutes(webhooks, settings);
	}

	ProductRoutes products() {
		return this.products;
	}

	CustomerRoutes customers() {
		return this.customers;
	}

	MockResponse route(String method, String relativeRawPath, String query, String body) {
		MockRequest request = new MockRequest(method, MockPaths.segments(relativeRawPath), query, body);
		try {
			switch (request.segment(0)) {
				case "customers":
					return this.customers.handle(request);
				case "contacts":
					return this.contacts.handle(request);
				case "orders":
					return this.orders.handle(request);
				case "signals":
					return this.signals.handle(request);
				case "products":
					return this.products.handle(request);
				case "costs":
					return this.costs.handle(request);
				case "webhooks":
					return this.webhooks.handle(request);
				default:
					throw MockApiError.notFound("no such route: " + method + " " + relativeRawPath);
			}
		}
		catch (MockApiError ex) {
			return ex.toResponse();
		}
	}

}
