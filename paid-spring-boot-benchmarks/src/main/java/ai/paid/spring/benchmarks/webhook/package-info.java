/**
 * The webhook receiver benchmark.
 */
@NullMarked
package ai.paid.spring.benchmarks.webhook;

import org.jspecify.annotations.NullMarked;
