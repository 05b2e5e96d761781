/**
 * Accounts, contacts and subscriptions: the entities the starter mirrors into Paid as customers, contacts and orders.
 */
@NullMarked
package ai.paid.demo.crm;

import org.jspecify.annotations.NullMarked;
