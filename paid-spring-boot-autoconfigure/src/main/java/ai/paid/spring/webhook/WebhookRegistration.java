package ai.paid.spring.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.paid.spring.client.BlockingPaidClient;
import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.UpdateWebhookRequest;
import ai.paid.spring.client.Webhook;
import ai.paid.spring.client.WebhookUpdateResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Opt-in ({@code paid.webhooks.register.public-url}): once the application is ready, points the chosen events'
 * webhooks in Paid at this application and enables them. Idempotent: reads Paid's webhooks first and changes only
 * those that differ, logging each change; events not listed are left alone. A failure is logged, not fatal.
 */
public final class WebhookRegistration implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(WebhookRegistration.class);

	private final BlockingPaidClient client;

	private final String publicUrl;

	private final List<String> events;

	/**
	 * Create the registration.
	 * @param client the Paid client
	 * @param publicUrl the receiver's URL as Paid must call it
	 * @param events the event names to register
	 */
	public WebhookRegistration(BlockingPaidClient client, String publicUrl, List<String> events) {
		this.client = client;
		this.publicUrl = publicUrl;
		this.events = List.copyOf(events);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		try {
			List<String> changed = register();
			if (changed.isEmpty()) {
				logger.info("Paid webhooks already send " + this.events + " to " + this.publicUrl);
			}
		}
		catch (PaidApiException | IllegalStateException ex) {
			logger.warn("Could not register Paid webhooks (paid.webhooks.register.*): " + ex.getMessage());
		}
	}

	/**
	 * Registers the events now.
	 * @return the event names whose webhook was changed
	 */
	public List<String> register() {
		Map<String, Webhook> current = this.client.listWebhooks()
			.data()
			.stream()
			.collect(Collectors.toMap(Webhook::name, Function.identity(), (a, b) -> a));
		List<String> changed = new ArrayList<>();
		for (String name : this.events) {
			Webhook webhook = current.get(name);
			if (webhook == null) {
				logger.warn("Paid has no webhook named '" + name + "' (paid.webhooks.register.events); known: "
						+ current.keySet());
				continue;
			}
			if (webhook.enabled() && Objects.equals(webhook.url(), this.publicUrl)) {
				continue;
			}
			WebhookUpdateResponse updated = this.client.updateWebhook(name, UpdateWebhookRequest.enable(this.publicUrl));
			logger.info("Paid webhook '" + name + "': " + describe(webhook) + " -> enabled, " + this.publicUrl);
			if (updated.signingSecret() != null) {
				logger.warn("Paid created the organization's webhook signing secret on this first save and showed it "
						+ "once; it is not logged. Rotate it (PaidClient.rotateWebhookSecret()) and set the new one "
						+ "as PAID_WEBHOOK_SECRET.");
			}
			changed.add(name);
		}
		return changed;
	}

	private static String describe(Webhook webhook) {
		return (webhook.enabled() ? "enabled, " : "disabled, ") + ((webhook.url() != null) ? webhook.url() : "no URL");
	}

}
