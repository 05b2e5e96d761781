/**
 * The outbox side of the sync: the messages queued for customers, contacts and orders, the handlers that deliver them
 * to Paid, resolution of Paid ids and the {@code paid_sync_link} table that remembers them.
 */
@NullMarked
package ai.paid.spring.sync.delivery;

import org.jspecify.annotations.NullMarked;

