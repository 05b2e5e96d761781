package ai.paid.spring.actuate;

import ai.paid.spring.webhook.WebhookObserver;
import ai.paid.spring.webhook.WebhookRejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Webhook meters, the {@link WebhookObserver} on Micrometer: counters {@code paid.webhooks.received{event,outcome=new|
 * duplicate}}, {@code paid.webhooks.rejected{reason}}, {@code paid.webhooks.handled{event}},
 * {@code paid.webhooks.failed{event}} (an attempt failed, to be retried) and {@code paid.webhooks.parked{event}}.
 * Event tags are Paid's documented names or {@code other}.
 */
public final class WebhookMetrics implements WebhookObserver {

	private final MeterRegistry registry;

	/**
	 * Registers the meters.
	 * @param registry where to register them
	 */
	public WebhookMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (WebhookRejection reason : WebhookRejection.values()) {
			rejectedCounter(reason);
		}
	}

	@Override
	public void received(String event, boolean duplicate) {
		Counter.builder("paid.webhooks.received")
			.description("Verified webhook deliveries stored, or recognised as redeliveries")
			.tag("event", event)
			.tag("outcome", duplicate ? "duplicate" : "new")
			.register(this.registry)
			.increment();
	}

	@Override
	public void rejected(WebhookRejection reason) {
		rejectedCounter(reason).increment();
	}

	private Counter rejectedCounter(WebhookRejection reason) {
		return Counter.builder("paid.webhooks.rejected")
			.description("Webhook deliveries refused")
			.tag("reason", reason.tag())
			.register(this.registry);
	}

	@Override
	public void handled(String event) {
		count("paid.webhooks.handled", "Webhook events whose handlers completed", event);
	}

	@Override
	public void failed(String event) {
		count("paid.webhooks.failed", "Webhook handler attempts that failed and will be retried", event);
	}

	@Override
	public void parked(String event) {
		count("paid.webhooks.parked", "Webhook events parked after their last failed attempt", event);
	}

	private void count(String name, String description, String event) {
		Counter.builder(name).description(description).tag("event", event).register(this.registry).increment();
	}

}
