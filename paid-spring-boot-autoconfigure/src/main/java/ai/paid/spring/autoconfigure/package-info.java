/**
 * Auto-configuration of the Paid starter (wiring only).
 */
@NullMarked
package ai.paid.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;

