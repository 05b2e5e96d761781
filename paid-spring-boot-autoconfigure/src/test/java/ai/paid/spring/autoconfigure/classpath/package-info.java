/**
 * The starter's auto-configuration on classpaths without one technology or another.
 */
@NullMarked
package ai.paid.spring.autoconfigure.classpath;

import org.jspecify.annotations.NullMarked;
