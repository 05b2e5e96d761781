/**
 * What applications call and implement to mirror their customers, contacts and orders into Paid, free of JPA: the
 * programmatic {@link ai.paid.spring.sync.PaidSyncOperations} API, the {@link ai.paid.spring.sync.PaidMapper} SPI and
 * the data records they exchange. Capture from JPA entities lives in {@code sync.jpa}, delivery to Paid in
 * {@code sync.delivery}.
 */
@NullMarked
package ai.paid.spring.sync;

import org.jspecify.annotations.NullMarked;

