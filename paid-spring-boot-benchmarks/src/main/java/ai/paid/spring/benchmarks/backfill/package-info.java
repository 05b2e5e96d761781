/**
 * Entities and application of the backfill benchmark.
 */
@NullMarked
package ai.paid.spring.benchmarks.backfill;

import org.jspecify.annotations.NullMarked;
