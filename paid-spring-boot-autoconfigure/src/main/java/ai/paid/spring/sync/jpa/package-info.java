/**
 * Capture of JPA entities: the entity mappings (built once, from {@code @PaidSync} annotations and
 * {@link ai.paid.spring.sync.PaidMapper} beans), the Hibernate listeners that queue changes inside the transaction,
 * the JPA entity listener, and the backfill of existing rows.
 */
@NullMarked
package ai.paid.spring.sync.jpa;

import org.jspecify.annotations.NullMarked;

