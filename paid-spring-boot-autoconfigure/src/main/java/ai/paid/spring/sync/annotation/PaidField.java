package ai.paid.spring.sync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a field or getter to a Paid field, named as on Paid's wire. Billing address parts use a dotted name.
 * <ul>
 * <li>customer: {@code name}, {@code email}, {@code phone}, {@code website}, {@code legalName}, {@code vatNumber},
 * {@code defaultCurrency}, {@code creationState}, {@code metadata} (a {@code Map}), {@code billingAddress.line1},
 * {@code .line2}, {@code .city}, {@code .state}, {@code .zipCode}, {@code .country};</li>
 * <li>contact: {@code firstName}, {@code lastName}, {@code email}, {@code phone}, {@code roles} (a collection of
 * {@code BILLING} / {@code ACCOUNTS_PAYABLE}), {@code billingAddress.street}, {@code .city}, {@code .state},
 * {@code .country}, {@code .zipCode};</li>
 * <li>order: {@code name}, {@code startDate} and {@code endDate} (a date or date-time type), {@code currency},
 * {@code creationState}, {@code subscriptionTerms}, {@code billingAnchor} (integers), {@code paymentTerms},
 * {@code metadata};</li>
 * <li>user ({@code @PaidSync(type = USER)}): {@code name}, {@code email}, {@code metadata}.</li>
 * </ul>
 * Text fields accept {@code CharSequence}, enums and {@code java.util.Currency}; {@code creationState} accepts
 * {@code draft} / {@code active} in any case. Unknown names and unsuitable types fail the application start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
public @interface PaidField {

	/** The Paid field name, e.g. {@code name} or {@code billingAddress.city}. */
	String value();

}
