/**
 * Test support: a stateful mock Paid server, JUnit 5 and Spring test integration.
 */
@NullMarked
package ai.paid.spring.test;

import org.jspecify.annotations.NullMarked;
