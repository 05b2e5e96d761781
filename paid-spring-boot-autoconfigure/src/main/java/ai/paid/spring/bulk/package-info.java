/**
 * The bulk-POST machinery that signals and costs share: isolating a malformed item by halving its batch
 * ({@link ai.paid.spring.bulk.BulkPost}), the in-memory batcher ({@link ai.paid.spring.bulk.BulkBatcher}) and the
 * outbox delivery that groups rows into bulk POSTs ({@link ai.paid.spring.bulk.BulkOutboxDeliveryHandler}). Public
 * only so that the {@code signal} and {@code cost} packages can extend it; not for applications.
 */
@NullMarked
package ai.paid.spring.bulk;

import org.jspecify.annotations.NullMarked;
