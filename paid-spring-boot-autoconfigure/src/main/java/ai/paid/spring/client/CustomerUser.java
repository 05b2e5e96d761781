package ai.paid.spring.client;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A user of a customer as Paid returns it.
 *
 * @param id Paid id
 * @param externalId your id for the user
 * @param customerExternalId your id for the user's customer
 * @param status {@code active} or {@code deactivated}
 * @param created whether the call that returned it created the user
 * @param name name
 * @param email email
 * @param metadata free-form metadata
 * @param createdAt when Paid created it
 * @param updatedAt when Paid last changed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerUser(String id, String externalId, @Nullable String customerExternalId,
		@Nullable CustomerUserStatus status, @Nullable Boolean created, @Nullable String name, @Nullable String email,
		@Nullable Map<String, Object> metadata, @Nullable OffsetDateTime createdAt,
		@Nullable OffsetDateTime updatedAt) {

}
