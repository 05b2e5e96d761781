/**
 * Operational views of the Paid integration: outbox, backfill and signal meters, the {@code paidSync} health indicator
 * and endpoint.
 */
@NullMarked
package ai.paid.spring.actuate;

import org.jspecify.annotations.NullMarked;
