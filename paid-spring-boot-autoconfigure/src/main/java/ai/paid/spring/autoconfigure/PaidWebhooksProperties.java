package ai.paid.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.paid.spring.webhook.PaidWebhookEventType;
import ai.paid.spring.webhook.WebhookDispatcherSettings;
import ai.paid.spring.webhook.WebhookReceiverSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Receiving Paid's webhooks ('paid.webhooks.*'). The receiver is on when a signing secret is set.
 *
 * @param enabled Whether to receive webhooks when a signing secret is set.
 * @param signingSecret Signing secret of the organization's webhooks (Paid shows it once, on the first save or a
 * rotation). When unset, the PAID_WEBHOOK_SECRET environment variable is used.
 * @param previousSigningSecrets Secrets still accepted during a rotation, until Paid signs with the new one only.
 * @param path Path of the receiver that Paid posts deliveries to.
 * @param tolerance How far a delivery's signed timestamp may be from this instance's clock (replay window).
 * @param maxBodySize Largest delivery body accepted; larger ones get 413.
 * @param initializeSchema When to run the bundled script that creates the webhook inbox table: 'embedded'
 * (embedded databases only), 'always' (the scripts are idempotent) or 'never' (you manage it, e.g. with Flyway).
 * @param validateSchema Whether startup fails when the webhook inbox table is missing.
 * @param dispatcherEnabled Whether this instance runs handlers; switch off on instances that only receive.
 * @param pollInterval How often the dispatcher looks for due deliveries besides the wake-up after each receipt
 * (retries, other instances' receipts, expired leases).
 * @param leaseDuration How long a delivery being handled stays reserved for one instance; handlers that run longer
 * may be run again by another instance (their transaction then rolls back).
 * @param concurrency Deliveries handled at the same time by one instance.
 * @param batchSize Most deliveries whose handlers run in one transaction when several are ready at once (one commit
 * for all, which helps to catch up on a backlog). When one of them fails, the batch rolls back and each runs again
 * alone, so a handler's non-transactional side effects may repeat when a neighbour fails; with the default 1 each
 * delivery has its own transaction and its handlers run once unless they fail.
 * @param initialBackoff Upper bound of the random wait after a handler's first failure; doubles with each further one.
 * @param maxBackoff Upper bound of the random wait between attempts.
 * @param maxAttempts Attempts after which a delivery is parked (retry or skip it with the paidwebhooks endpoint).
 * @param retention How long handled and skipped deliveries are kept to recognise redeliveries.
 * @param shutdownTimeout How long shutdown waits for handlers in flight.
 * @param register Configuring Paid's webhooks at startup (opt-in).
 */
@ConfigurationProperties("paid.webhooks")
public record PaidWebhooksProperties(@DefaultValue("true") boolean enabled, @Nullable String signingSecret,
		@DefaultValue List<String> previousSigningSecrets, @DefaultValue("/paid/webhooks") String path,
		@DefaultValue("5m") Duration tolerance, @DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue("embedded") DatabaseInitializationMode initializeSchema,
		@DefaultValue("true") boolean validateSchema, @DefaultValue("true") boolean dispatcherEnabled,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("5m") Duration leaseDuration,
		@DefaultValue("4") int concurrency, @DefaultValue("1") int batchSize,
		@DefaultValue("1s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff,
		@DefaultValue("10") int maxAttempts, @DefaultValue("30d") Duration retention,
		@DefaultValue("10s") Duration shutdownTimeout,
		@DefaultValue Register register) {

	/** The environment variable the signing secret is read from when the property is unset. */
	static final String SECRET_VARIABLE = "PAID_WEBHOOK_SECRET";

	WebhookReceiverSettings toReceiverSettings(@Nullable String secret) {
		if (!this.path.startsWith("/")) {
			throw new InvalidPaidConfigurationException("paid.webhooks.path",
					"paid.webhooks.path is '" + this.path + "', but it must start with '/'.",
					"Set paid.webhooks.path to a path such as /paid/webhooks.");
		}
		List<String> secrets = new ArrayList<>();
		if (secret != null) {
			secrets.add(secret);
		}
		secrets.addAll(this.previousSigningSecrets);
		try {
			return new WebhookReceiverSettings(secrets, this.tolerance, this.maxBodySize.toBytes());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPaidConfigurationException("paid.webhooks", ex.getMessage(),
					"Fix the paid.webhooks property named in the message, or remove it to use the default.");
		}
	}

	WebhookDispatcherSettings toDispatcherSettings() {
		try {
			return new WebhookDispatcherSettings(this.pollInterval, this.leaseDuration, this.concurrency,
					this.batchSize, this.initialBackoff, this.maxBackoff, this.maxAttempts, this.retention, this.shutdownTimeout);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPaidConfigurationException("paid.webhooks", ex.getMessage(),
					"Fix the paid.webhooks property named in the message, or remove it to use the default.");
		}
	}

	@Override
	public String toString() {
		return "PaidWebhooksProperties[enabled=" + this.enabled + ", signingSecret="
				+ (StringUtils.hasText(this.signingSecret) ? "******" : "<none>") + ", previousSigningSecrets="
				+ this.previousSigningSecrets.size() + " x ******, path=" + this.path + ", tolerance=" + this.tolerance
				+ "]";
	}

	/**
	 * Configuring Paid's webhooks at startup ('paid.webhooks.register.*'). Nothing is changed in Paid unless
	 * public-url is set.
	 *
	 * @param publicUrl URL at which Paid reaches this application's receiver (including paid.webhooks.path), e.g.
	 * https://app.example.com/paid/webhooks. When set, the listed events are pointed at it and enabled at startup.
	 * @param events Event names to register; all documented events when empty.
	 */
	public record Register(@Nullable URI publicUrl, @DefaultValue List<String> events) {

		List<String> eventsOrAll() {
			if (!this.events.isEmpty()) {
				return this.events;
			}
			return Arrays.stream(PaidWebhookEventType.values()).map(PaidWebhookEventType::eventName).toList();
		}

		String validatedUrl() {
			URI url = this.publicUrl;
			if (url == null || url.getScheme() == null || url.getHost() == null
					|| !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
				throw new InvalidPaidConfigurationException("paid.webhooks.register.public-url",
						"paid.webhooks.register.public-url is '" + url + "', but it must be an absolute http(s) URL.",
						"Set it to the URL at which Paid reaches the receiver, e.g. "
								+ "https://app.example.com/paid/webhooks, or remove it to leave Paid's webhooks alone.");
			}
			return url.toString();
		}

	}

}
