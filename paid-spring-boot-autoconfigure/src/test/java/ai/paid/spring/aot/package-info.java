/**
 * Tests of the starter's AOT and native-image hints.
 */
@NullMarked
package ai.paid.spring.aot;

import org.jspecify.annotations.NullMarked;
