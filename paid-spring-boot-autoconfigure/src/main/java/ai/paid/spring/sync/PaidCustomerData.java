package ai.paid.spring.sync;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A customer as it should look in Paid. Fields left {@code null} are not sent. Build one with
 * {@link #builder(String)}.
 *
 * @param externalId your id for the customer (required)
 * @param name display name (required by Paid when the customer is created)
 * @param email email
 * @param phone phone
 * @param website website
 * @param legalName legal name
 * @param vatNumber VAT number
 * @param defaultCurrency ISO 4217 code; Paid takes it only when the customer is created
 * @param creationState {@code draft} or {@code active}
 * @param billingAddress billing address
 * @param metadata free-form metadata
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaidCustomerData(String externalId, @Nullable String name, @Nullable String email,
		@Nullable String phone, @Nullable String website, @Nullable String legalName, @Nullable String vatNumber,
		@Nullable String defaultCurrency, @Nullable String creationState, @Nullable CustomerAddress billingAddress,
		@Nullable Map<String, Object> metadata) implements PaidEntityData {

	@Override
	@JsonIgnore
	public PaidEntityType type() {
		return PaidEntityType.CUSTOMER;
	}

	@Override
	@JsonIgnore
	public String customerExternalId() {
		return this.externalId;
	}

	/** Starts a customer with the given external id. */
	public static Builder builder(String externalId) {
		return new Builder(externalId);
	}

	/**
	 * A customer's billing address, Paid's customer address shape.
	 *
	 * @param line1 first line
	 * @param line2 second line
	 * @param city city
	 * @param state state or province
	 * @param zipCode postal code
	 * @param country country
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CustomerAddress(@Nullable String line1, @Nullable String line2, @Nullable String city,
			@Nullable String state, @Nullable String zipCode, @Nullable String country) {

	}

	/**
	 * Builds a {@link PaidCustomerData}.
	 */
	public static final class Builder {

		private final String externalId;

		private @Nullable String name;

		private @Nullable String email;

		private @Nullable String phone;

		private @Nullable String website;

		private @Nullable String legalName;

		private @Nullable String vatNumber;

		private @Nullable String defaultCurrency;

		private @Nullable String creationState;

		private @Nullable CustomerAddress billingAddress;

		private @Nullable Map<String, Object> metadata;

		private Builder(String externalId) {
			this.externalId = externalId;
		}

		public Builder name(@Nullable String name) {
			this.name = name;
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

		public Builder website(@Nullable String website) {
			this.website = website;
			return this;
		}

		public Builder legalName(@Nullable String legalName) {
			this.legalName = legalName;
			return this;
		}

		public Builder vatNumber(@Nullable String vatNumber) {
			this.vatNumber = vatNumber;
			return this;
		}

		public Builder defaultCurrency(@Nullable String defaultCurrency) {
			this.defaultCurrency = defaultCurrency;
			return this;
		}

		public Builder creationState(@Nullable String creationState) {
			this.creationState = creationState;
			return this;
		}

		public Builder billingAddress(@Nullable CustomerAddress billingAddress) {
			this.billingAddress = billingAddress;
			return this;
		}

		public Builder metadata(@Nullable Map<String, Object> metadata) {
			this.metadata = metadata;
			return this;
		}

		public PaidCustomerData build() {
			return new PaidCustomerData(this.externalId, this.name, this.email, this.phone, this.website,
					this.legalName, this.vatNumber, this.defaultCurrency, this.creationState, this.billingAddress,
					this.metadata);
		}

	}

}
