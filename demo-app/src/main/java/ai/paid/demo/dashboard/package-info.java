/**
 * The live page's data: records with their Paid sync state, signals, outbox meters and health.
 */
@NullMarked
package ai.paid.demo.dashboard;

import org.jspecify.annotations.NullMarked;
