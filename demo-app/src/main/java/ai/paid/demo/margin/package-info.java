/**
 * Margin per account: revenue from the agent's signals at the product's prices next to the LLM cost of producing
 * them.
 */
@NullMarked
package ai.paid.demo.margin;

import org.jspecify.annotations.NullMarked;
