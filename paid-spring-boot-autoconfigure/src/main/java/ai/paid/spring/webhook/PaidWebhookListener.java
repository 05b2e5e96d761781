package ai.paid.spring.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that handles Paid webhooks, once per delivery, after it was verified and committed:
 * <pre class="code">
 * &#64;PaidWebhookListener("billing-credits-depleted")
 * void onDepleted(PaidCreditsDepletedEvent event) { ... }
 * </pre>
 * The method takes one parameter: {@link PaidWebhookEvent} or one of its subtypes, {@link PaidWebhookDelivery}, or a
 * {@code JsonNode} (the event's payload). It runs in the transaction that marks the delivery handled; throwing makes
 * the delivery fail, to be retried with backoff and parked after {@code paid.webhooks.max-attempts}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PaidWebhookListener {

	/**
	 * The event names to handle, e.g. {@code billing-invoice-paid}; all events when empty.
	 * @return the event names
	 */
	String[] value() default {};

}
