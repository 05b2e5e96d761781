package ai.paid.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when a webhook signing secret is configured: {@code paid.webhooks.signing-secret} or the
 * {@code PAID_WEBHOOK_SECRET} environment variable.
 */
final class OnWebhookSecretCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return (secret(context.getEnvironment()) != null)
				? ConditionOutcome.match("a Paid webhook signing secret is configured")
				: ConditionOutcome.noMatch("neither paid.webhooks.signing-secret nor "
						+ PaidWebhooksProperties.SECRET_VARIABLE + " is set");
	}

	static @Nullable String secret(Environment environment) {
		String secret = environment.getProperty("paid.webhooks.signing-secret");
		if (!StringUtils.hasText(secret)) {
			secret = environment.getProperty(PaidWebhooksProperties.SECRET_VARIABLE);
		}
		return StringUtils.hasText(secret) ? secret.trim() : null;
	}

}
