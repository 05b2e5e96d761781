package ai.paid.spring.webhook;

import java.time.Duration;
import java.util.List;

/**
 * How deliveries are checked.
 *
 * @param secrets the signing secrets accepted (the current one first; older ones during a rotation)
 * @param tolerance how far {@code t} may be from now
 * @param maxBodyBytes the largest body accepted
 */
public record WebhookReceiverSettings(List<String> secrets, Duration tolerance, long maxBodyBytes) {

	/**
	 * Checks the settings.
	 * @param secrets the signing secrets
	 * @param tolerance the timestamp tolerance
	 * @param maxBodyBytes the body limit
	 */
	public WebhookReceiverSettings {
		secrets = secrets.stream().filter((secret) -> !secret.isBlank()).map(String::trim).distinct().toList();
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("paid.webhooks.signing-secret is blank");
		}
		if (tolerance.isNegative() || tolerance.isZero()) {
			throw new IllegalArgumentException("paid.webhooks.tolerance must be positive, not " + tolerance);
		}
		if (maxBodyBytes < 1) {
			throw new IllegalArgumentException("paid.webhooks.max-body-size must be positive");
		}
	}

	@Override
	public String toString() {
		return "WebhookReceiverSettings[secrets=" + this.secrets.size() + " x ******, tolerance=" + this.tolerance
				+ ", maxBodyBytes=" + this.maxBodyBytes + "]";
	}

}
