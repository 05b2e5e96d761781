/**
 * Reacting to Paid's billing webhooks: the agent of an account whose credits ran out is paused, paid invoices are
 * shown.
 */
@NullMarked
package ai.paid.demo.billing;

import org.jspecify.annotations.NullMarked;
