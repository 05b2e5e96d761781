/**
 * Transactional outbox: durable, per-customer ordered delivery of changes to Paid.
 */
@NullMarked
package ai.paid.spring.outbox;

import org.jspecify.annotations.NullMarked;
