package ai.paid.spring.sync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the customer of a contact or an order: either a relation to a {@link ai.paid.spring.sync.annotation.PaidSync} customer entity, or a value
 * holding the customer's external id. It decides the Paid {@code customerId} and the outbox lane, so the customer's
 * changes always reach Paid before its contacts' and orders'.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
public @interface PaidCustomer {

}
