/**
 * A user's application and its tests, as the README's "Testing your app" shows them.
 */
@NullMarked
package ai.paid.spring.userapp;

import org.jspecify.annotations.NullMarked;
