/**
 * The AI SDR agent's billable work (emails, meetings), sent to Paid as signals.
 */
@NullMarked
package ai.paid.demo.agent;

import org.jspecify.annotations.NullMarked;
