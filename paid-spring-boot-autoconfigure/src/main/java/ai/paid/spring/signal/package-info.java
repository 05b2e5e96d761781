/**
 * Usage signals: the {@link ai.paid.spring.signal.PaidSignals} bean, attribution from {@link ai.paid.spring.signal.PaidContext}
 * scopes, the {@link ai.paid.spring.signal.PaidSignal @PaidSignal} annotation, transactional delivery through the
 * outbox and in-memory batching outside a transaction.
 */
@NullMarked
package ai.paid.spring.signal;

import org.jspecify.annotations.NullMarked;
