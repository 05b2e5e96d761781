package ai.paid.spring.sync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an order's billing contact(s) (Paid {@code billingContactIds}): a relation to a {@link ai.paid.spring.sync.annotation.PaidSync} contact
 * entity, a collection of them, or a value (or collection) holding contact external ids.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
public @interface PaidBillingContact {

}
