package ai.paid.spring.sync;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A user of a customer as it should look in Paid: a person using your product inside the customer's account (signals
 * name the user in {@code data.external_user_id}). Unlike a contact (a person Paid bills and emails) it has no roles
 * and no address. Fields left {@code null} are not sent. Build one with {@link #builder(String, String)}.
 *
 * @param externalId your id for the user (required)
 * @param customerExternalId external id of the user's customer (required)
 * @param name name
 * @param email email
 * @param metadata free-form metadata
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaidUserData(String externalId, String customerExternalId, @Nullable String name,
		@Nullable String email, @Nullable Map<String, Object> metadata) implements PaidEntityData {

	@Override
	@JsonIgnore
	public PaidEntityType type() {
		return PaidEntityType.USER;
	}

	/** Starts a user of the given customer. */
	public static Builder builder(String externalId, String customerExternalId) {
		return new Builder(externalId, customerExternalId);
	}

	/**
	 * Builds a {@link PaidUserData}.
	 */
	public static final class Builder {

		private final String externalId;

		private final String customerExternalId;

		private @Nullable String name;

		private @Nullable String email;

		private @Nullable Map<String, Object> metadata;

		private Builder(String externalId, String customerExternalId) {
			this.externalId = externalId;
			this.customerExternalId = customerExternalId;
		}

		public Builder name(@Nullable String name) {
			this.name = name;
			return this;
		}

		public Builder email(@Nullable String email) {
			this.email = email;
			return this;
		}

		public Builder metadata(@Nullable Map<String, Object> metadata) {
			this.metadata = metadata;
			return this;
		}

		public PaidUserData build() {
			return new PaidUserData(this.externalId, this.customerExternalId, this.name, this.email, this.metadata);
		}

	}

}
