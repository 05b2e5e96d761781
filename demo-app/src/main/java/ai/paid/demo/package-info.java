/**
 * An AI SDR product billed with Paid: the demo of the Paid Spring Boot starter.
 */
@NullMarked
package ai.paid.demo;

import org.jspecify.annotations.NullMarked;
