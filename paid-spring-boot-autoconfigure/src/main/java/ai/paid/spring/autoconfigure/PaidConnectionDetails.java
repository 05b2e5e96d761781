package ai.paid.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where Paid is and how to authenticate. A bean of this type beats the {@code paid.base-url} and
 * {@code paid.api-key} properties, so a test module or a container can point the client elsewhere. By default it is
 * built from {@link PaidProperties}.
 */
public interface PaidConnectionDetails extends ConnectionDetails {

	/**
	 * Base URL of Paid's v2 API, e.g. {@code https://api.agentpaid.io/api/v2}.
	 * @return the base URL
	 */
	String getBaseUrl();

	/**
	 * API key sent as bearer token.
	 * @return the key, or {@code null} when none is configured (the client then refuses to start)
	 */
	@Nullable String getApiKey();

}
