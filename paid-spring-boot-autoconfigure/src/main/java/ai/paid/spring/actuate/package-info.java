/**
 * Operational views of the Paid integration: outbox meters and the {@code paidSync} health indicator.
 */
@NullMarked
package ai.paid.spring.actuate;

import org.jspecify.annotations.NullMarked;
