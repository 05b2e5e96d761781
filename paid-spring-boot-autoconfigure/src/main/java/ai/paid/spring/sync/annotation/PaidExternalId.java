package ai.paid.spring.sync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field or getter whose value is the entity's external id in Paid (its {@code toString()}). Without it, the
 * entity's {@code @Id} is used. The value must be set by the time the transaction commits and must not change.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
public @interface PaidExternalId {

}
