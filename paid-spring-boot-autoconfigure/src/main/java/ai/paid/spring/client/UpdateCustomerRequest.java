package ai.paid.spring.client;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /customers/{id}} and {@code PUT /customers/external/{externalId}}. Every field is optional;
 * {@code null} components are left out of the JSON, so Paid keeps their current value. To clear a nullable field in
 * Paid, name it in {@code explicitNulls} (or use {@link #withExplicitNulls(String...)}): it is then sent as JSON
 * {@code null} while its component is {@code null}.
 *
 * @param name name
 * @param legalName legal name (nullable)
 * @param email email
 * @param phone phone
 * @param website website
 * @param externalId new external id (nullable); sending it changes the stored external id
 * @param billingAddress billing address (nullable)
 * @param creationState draft or active
 * @param churnDate churn date (nullable)
 * @param vatNumber VAT number (nullable)
 * @param metadata free-form metadata (nullable)
 * @param explicitNulls names of nullable fields to send as {@code null}; one of {@link #NULLABLE_FIELDS}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateCustomerRequest(@Nullable String name, @Nullable String legalName, @Nullable String email,
		@Nullable String phone, @Nullable String website, @Nullable String externalId,
		@Nullable CustomerBillingAddress billingAddress, @Nullable CreationState creationState,
		@Nullable OffsetDateTime churnDate, @Nullable String vatNumber, @Nullable Map<String, Object> metadata,
		@JsonIgnore @Nullable Set<String> explicitNulls) {

	/** Fields Paid lets you set to {@code null}. */
	public static final Set<String> NULLABLE_FIELDS = Set.of("legalName", "externalId", "billingAddress", "churnDate",
			"vatNumber", "metadata");

	public UpdateCustomerRequest {
		explicitNulls = ExplicitNulls.validate(explicitNulls, NULLABLE_FIELDS, "Customer");
	}

	/**
	 * An update without explicit nulls.
	 */
	public UpdateCustomerRequest(@Nullable String name, @Nullable String legalName, @Nullable String email,
			@Nullable String phone, @Nullable String website, @Nullable String externalId,
			@Nullable CustomerBillingAddress billingAddress, @Nullable CreationState creationState,
			@Nullable OffsetDateTime churnDate, @Nullable String vatNumber, @Nullable Map<String, Object> metadata) {
		this(name, legalName, email, phone, website, externalId, billingAddress, creationState, churnDate, vatNumber,
				metadata, null);
	}

	/**
	 * A copy that also sends the given nullable fields as {@code null} while they are {@code null} here.
	 * @param fieldNames wire names out of {@link #NULLABLE_FIELDS}
	 * @return the copy
	 */
	public UpdateCustomerRequest withExplicitNulls(String... fieldNames) {
		return new UpdateCustomerRequest(this.name, this.legalName, this.email, this.phone, this.website,
				this.externalId, this.billingAddress, this.creationState, this.churnDate, this.vatNumber,
				this.metadata, ExplicitNulls.plus(explicitNulls(), fieldNames));
	}

	/**
	 * A copy that sends every nullable field that is {@code null} here as {@code null}: Paid's record then matches
	 * this snapshot (for a full-state sync).
	 * @return the copy
	 */
	public UpdateCustomerRequest withAllNullsExplicit() {
		return withExplicitNulls(NULLABLE_FIELDS.toArray(String[]::new));
	}

	@Override
	public Set<String> explicitNulls() {
		return (this.explicitNulls != null) ? this.explicitNulls : Set.of();
	}

	@JsonAnyGetter
	Map<String, @Nullable Object> explicitNullValues() {
		Map<String, @Nullable Object> values = new HashMap<>();
		values.put("legalName", this.legalName);
		values.put("externalId", this.externalId);
		values.put("billingAddress", this.billingAddress);
		values.put("churnDate", this.churnDate);
		values.put("vatNumber", this.vatNumber);
		values.put("metadata", this.metadata);
		return ExplicitNulls.asNullMap(explicitNulls(), values);
	}

}
