/**
 * Products and their pricing declared in the application ({@code paid.catalog.products.*} or
 * {@link ai.paid.spring.catalog.PaidProductDefinition} beans) and reconciled with Paid at startup: verified, or
 * created and updated when {@code paid.catalog.mode=apply}. Nothing Paid has that is not declared is touched.
 */
@NullMarked
package ai.paid.spring.catalog;

import org.jspecify.annotations.NullMarked;
