package ai.paid.spring.sync.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.paid.spring.sync.PaidOrderLine;

/**
 * Marks an order's lines: a collection (or a method returning one) of {@link ai.paid.spring.sync.PaidOrderLine}, or of
 * entities / embeddables with a {@code productExternalId} property (and optionally {@code name} and
 * {@code description}). Paid takes lines only when the order is created; later changes to them are not sent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
public @interface PaidOrderLines {

}
