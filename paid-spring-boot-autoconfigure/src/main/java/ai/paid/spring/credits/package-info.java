/**
 * A customer's credit balances in Paid, read through a short cache ({@link ai.paid.spring.credits.PaidCredits}), so an
 * application can check for credits before it starts expensive agent work.
 */
@NullMarked
package ai.paid.spring.credits;

import org.jspecify.annotations.NullMarked;
