/**
 * Which Paid the demo talks to: the in-process mock server when no API key is set, or real Paid.
 */
@NullMarked
package ai.paid.demo.paid;

import org.jspecify.annotations.NullMarked;
