package ai.paid.spring.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /contacts/{id}} and {@code PUT /contacts/external/{externalId}}. Every field is optional;
 * {@code null} components are left out of the JSON. To clear a nullable field in Paid, name it in
 * {@code explicitNulls} (see {@link UpdateCustomerRequest} for the mechanism).
 *
 * @param customerId Paid id of the customer (moves the contact)
 * @param email email
 * @param firstName first name
 * @param lastName last name
 * @param phone phone (nullable)
 * @param billingAddress billing address (nullable)
 * @param externalId new external id (nullable)
 * @param roles roles
 * @param explicitNulls names of nullable fields to send as {@code null}; one of {@link #NULLABLE_FIELDS}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateContactRequest(@Nullable String customerId, @Nullable String email, @Nullable String firstName,
		@Nullable String lastName, @Nullable String phone, @Nullable ContactBillingAddress billingAddress,
		@Nullable String externalId, @Nullable List<ContactRole> roles,
		@JsonIgnore @Nullable Set<String> explicitNulls) {

	/** Fields Paid lets you set to {@code null}. */
	public static final Set<String> NULLABLE_FIELDS = Set.of("phone", "billingAddress", "externalId");

	public UpdateContactRequest {
		explicitNulls = ExplicitNulls.validate(explicitNulls, NULLABLE_FIELDS, "Contact");
	}

	/**
	 * An update without explicit nulls.
	 */
	public UpdateContactRequest(@Nullable String customerId, @Nullable String email, @Nullable String firstName,
			@Nullable String lastName, @Nullable String phone, @Nullable ContactBillingAddress billingAddress,
			@Nullable String externalId, @Nullable List<ContactRole> roles) {
		this(customerId, email, firstName, lastName, phone, billingAddress, externalId, roles, null);
	}

	/**
	 * A copy that also sends the given nullable fields as {@code null} while they are {@code null} here.
	 * @param fieldNames wire names out of {@link #NULLABLE_FIELDS}
	 * @return the copy
	 */
	public UpdateContactRequest withExplicitNulls(String... fieldNames) {
		return new UpdateContactRequest(this.customerId, this.email, this.firstName, this.lastName, this.phone,
				this.billingAddress, this.externalId, this.roles, ExplicitNulls.plus(explicitNulls(), fieldNames));
	}

	/**
	 * A copy that sends every nullable field that is {@code null} here as {@code null}.
	 * @return the copy
	 */
	public UpdateContactRequest withAllNullsExplicit() {
		return withExplicitNulls(NULLABLE_FIELDS.toArray(String[]::new));
	}

	@Override
	public Set<String> explicitNulls() {
		return (this.explicitNulls != null) ? this.explicitNulls : Set.of();
	}

	@JsonAnyGetter
	Map<String, @Nullable Object> explicitNullValues() {
		Map<String, @Nullable Object> values = new HashMap<>();
		values.put("phone", this.phone);
		values.put("billingAddress", this.billingAddress);
		values.put("externalId", this.externalId);
		return ExplicitNulls.asNullMap(explicitNulls(), values);
	}

}
