package ai.paid.spring.test;

import tools.jackson.databind.node.ObjectNode;

import static ai.paid.spring.test.WireSchema.Type.BOOLEAN;
import static ai.paid.spring.test.WireSchema.Type.STRING;

/**
 * {@code /webhooks}: list, configure ({@code PATCH /webhooks/{name}} with {@code enabled} and {@code url}), test
 * ({@code POST /webhooks/{name}/test}, which sends a test delivery and needs a URL and the webhook enabled) and
 * {@code POST /webhooks/rotate-secret}.
 */
final class WebhookRoutes {

	static final WireSchema UPDATE = WireSchema.named("UpdateWebhookRequest")
		.optional("enabled", BOOLEAN)
		.nullable("url", STRING);

	private final MockWebhooks webhooks;

	private final MockSettings settings;

	WebhookRoutes(MockWebhooks webhooks, MockSettings settings) {
		this.webhooks = webhooks;
		this.settings = settings;
	}

	MockResponse handle(MockRequest request) {
		if (request.isCollection()) {
			if (!request.method().equals("GET")) {
				throw request.methodNotAllowed();
			}
			return MockResponse.ok(this.webhooks.listResponse());
		}
		String name = request.segment(1);
		if (request.size() == 2 && name.equals("rotate-secret")) {
			if (!request.method().equals("POST")) {
				throw request.methodNotAllowed();
			}
			ObjectNode response = MockJson.object();
			response.put("signingSecret", this.webhooks.rotate());
			return MockResponse.ok(response);
		}
		ObjectNode webhook = this.webhooks.webhook(name);
		if (webhook == null || request.size() > 3 || (request.size() == 3 && !request.segment(2).equals("test"))) {
			throw MockApiError.notFound("no webhook named '" + name + "'");
		}
		if (request.size() == 3) {
			if (!request.method().equals("POST")) {
				throw request.methodNotAllowed();
			}
			if (!webhook.path("enabled").asBoolean() || !webhook.path("url").isString()) {
				throw MockApiError.badRequest("WEBHOOK_NOT_CONFIGURED",
						"webhook '" + name + "' needs a URL and must be enabled before it can be tested");
			}
			ObjectNode response = MockJson.object();
			response.put("success", this.webhooks.test(name));
			return MockResponse.ok(response);
		}
		if (!request.method().equals("PATCH")) {
			throw request.methodNotAllowed();
		}
		ObjectNode body = request.json();
		UPDATE.validate(body, this.settings.rejectUnknownFields);
		return MockResponse.ok(this.webhooks.update(webhook, body));
	}

}
