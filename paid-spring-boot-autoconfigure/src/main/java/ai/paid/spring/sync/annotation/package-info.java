/**
 * Annotations that mark JPA entities (and their fields or getters) for mirroring into Paid. See
 * {@link ai.paid.spring.sync.annotation.PaidSync}.
 */
@NullMarked
package ai.paid.spring.sync.annotation;

import org.jspecify.annotations.NullMarked;
