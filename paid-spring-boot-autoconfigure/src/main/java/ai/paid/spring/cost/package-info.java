/**
 * Costs: what each customer's AI work costs, recorded with {@link ai.paid.spring.cost.PaidCosts} or captured from
 * Spring AI's chat and embedding observations, and sent to Paid's {@code POST /costs/bulk} through the outbox
 * (inside a transaction) or an in-memory batcher.
 */
@NullMarked
package ai.paid.spring.cost;

import org.jspecify.annotations.NullMarked;
