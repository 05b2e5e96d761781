package ai.paid.spring.sync;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A contact as it should look in Paid. Fields left {@code null} are not sent. Build one with
 * {@link #builder(String, String)}.
 *
 * @param externalId your id for the contact (required)
 * @param customerExternalId external id of the contact's customer (required); changing it moves the contact
 * @param firstName first name
 * @param lastName last name
 * @param email email (required by Paid when the contact is created)
 * @param phone phone
 * @param roles {@code BILLING} and/or {@code ACCOUNTS_PAYABLE}
 * @param billingAddress billing address
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaidContactData(String externalId, String customerExternalId, @Nullable String firstName,
		@Nullable String lastName, @Nullable String email, @Nullable String phone, @Nullable List<String> roles,
		@Nullable ContactAddress billingAddress) implements PaidEntityData {

	@Override
	@JsonIgnore
	public PaidEntityType type() {
		return PaidEntityType.CONTACT;
	}

	/** Starts a contact of the given customer. */
	public static Builder builder(String externalId, String customerExternalId) {
		return new Builder(externalId, customerExternalId);
	}

	/**
	 * A contact's billing address, Paid's contact address shape.
	 *
	 * @param street street
	 * @param city city
	 * @param state state or province
	 * @param country country
	 * @param zipCode postal code
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ContactAddress(@Nullable String street, @Nullable String city, @Nullable String state,
			@Nullable String country, @Nullable String zipCode) {

	}

	/**
	 * Builds a {@link PaidContactData}.
	 */
	public static final class Builder {

		private final String externalId;

		private final String customerExternalId;

		private @Nullable String firstName;

		private @Nullable String lastName;

		private @Nullable String email;

		private @Nullable String phone;

		private @Nullable List<String> roles;

		private @Nullable ContactAddress billingAddress;

		private Builder(String externalId, String customerExternalId) {
			this.externalId = externalId;
			this.customerExternalId = customerExternalId;
		}

		public Builder firstName(@Nullable String firstName) {
			this.firstName = firstName;
			return this;
		}

		public Builder lastName(@Nullable String lastName) {
			this.lastName = lastName;
			return this;
		}

		public Builder email(@Nullable String email) {
			this.email = email;
			return this;
		}

		public Builder phone(@Nullable String phone) {
			this.phone = phone;
			return this;
		}

		public Builder roles(@Nullable List<String> roles) {
			this.roles = roles;
			return this;
		}

		public Builder billingAddress(@Nullable ContactAddress billingAddress) {
			this.billingAddress = billingAddress;
			return this;
		}

		public PaidContactData build() {
			return new PaidContactData(this.externalId, this.customerExternalId, this.firstName, this.lastName,
					this.email, this.phone, this.roles, this.billingAddress);
		}

	}

}
