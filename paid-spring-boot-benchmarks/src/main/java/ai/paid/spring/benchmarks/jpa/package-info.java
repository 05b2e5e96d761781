/**
 * JPA entity used by the outbox benchmark's enqueue-overhead scenario.
 */
package ai.paid.spring.benchmarks.jpa;
