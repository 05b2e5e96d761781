/**
 * Paid v2 REST API client: typed requests and responses, reactive and blocking.
 */
@NullMarked
package ai.paid.spring.client;

import org.jspecify.annotations.NullMarked;
