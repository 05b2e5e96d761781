/**
 * Mirrors an application's customers, contacts and orders into Paid: entity mapping (annotations and
 * {@link ai.paid.spring.sync.PaidMapper}), capture inside the transaction, the programmatic
 * {@link ai.paid.spring.sync.PaidSync} API, and delivery of the queued changes to Paid.
 */
@NullMarked
package ai.paid.spring.sync;

import org.jspecify.annotations.NullMarked;
