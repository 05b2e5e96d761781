/**
 * The seed scenario played on the first start.
 */
@NullMarked
package ai.paid.demo.seed;

import org.jspecify.annotations.NullMarked;
