package ai.paid.spring.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /customers/{customerExternalId}/users/{userExternalId}}, which creates the user or updates it.
 * Every field is optional; {@code null} components are left out of the JSON.
 *
 * @param name name
 * @param email email
 * @param metadata free-form metadata
 * @param status {@code active} or {@code deactivated}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpsertCustomerUserRequest(@Nullable String name, @Nullable String email,
		@Nullable Map<String, Object> metadata, @Nullable CustomerUserStatus status) {

}
