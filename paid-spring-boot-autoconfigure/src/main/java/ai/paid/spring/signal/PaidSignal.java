package ai.paid.spring.signal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Emits a signal each time the annotated method returns normally; nothing is emitted when it throws. The signal is
 * emitted on the caller's thread after the method returns, so inside the method's transaction when the method is
 * {@code @Transactional} (the outbox path), and through the in-memory batcher otherwise.
 * <p>
 * Attributes other than {@link #value()} are SpEL expressions evaluated against the call: parameters by name
 * ({@code #meeting}, needs {@code -parameters}, which Spring Boot's build plugins set) or position ({@code #p0},
 * {@code #a0}), {@code #args}, {@code #result} (the return value), {@code #root.target}, and beans as {@code @name}.
 * An empty attribute, or an expression that yields {@code null}, falls back to the current {@link PaidContext}.
 *
 * <pre class="code">
 * &#64;PaidSignal(value = "meeting_booked", customer = "#lead.accountId", data = { "duration=#result.minutes" })
 * public Meeting book(Lead lead) { ... }
 * </pre>
 *
 * Parsed expressions are cached per method. A method returning a {@code Mono} or a {@code CompletionStage} emits when
 * that completes successfully (per subscription, for a {@code Mono}), with {@code #result} its value, on the
 * completing thread but within the caller's {@link PaidContext}; a {@code Flux} is treated as a plain value.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PaidSignal {

	/** The event name. */
	String value();

	/** SpEL for the customer's external id ({@code customer.externalCustomerId}). */
	String customer() default "";

	/** SpEL for the customer's Paid id ({@code customer.customerId}); used when {@link #customer()} yields nothing. */
	String customerId() default "";

	/** SpEL for the product's external id ({@code attribution.externalProductId}). */
	String product() default "";

	/** SpEL for the product's Paid id ({@code attribution.productId}); used when {@link #product()} yields nothing. */
	String productId() default "";

	/** Entries of {@code data} as {@code "key=SpEL"}, e.g. {@code "pages=#result.pageCount"}. */
	String[] data() default {};

	/** SpEL for {@code data.quantity}. */
	String quantity() default "";

	/** SpEL for {@code data.external_user_id}; when empty, the acting user of the {@link PaidContext} ({@code PaidContext.user(...)}), if any. */
	String user() default "";

	/**
	 * SpEL for the idempotency key; derive it from your data (e.g. {@code "'meeting-' + #result.id"}) so that a
	 * repeated call for the same outcome is not billed twice. Generated when empty.
	 */
	String idempotencyKey() default "";

	/**
	 * Whether the signal claims the costs recorded in the caller's {@link PaidContext} scope since the previous
	 * claiming signal, as {@link SignalBuilder#withCosts()} does.
	 */
	boolean attachCosts() default false;

}
