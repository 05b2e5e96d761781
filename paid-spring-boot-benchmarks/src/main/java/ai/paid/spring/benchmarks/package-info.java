/**
 * Benchmarks for this repository's tools, run as plain mains.
 */
@NullMarked
package ai.paid.spring.benchmarks;

import org.jspecify.annotations.NullMarked;
