package ai.paid.spring.client;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /orders/{id}}. Every field is optional; {@code null} components are left out of the JSON. Lines
 * cannot be changed after create. To clear a nullable field in Paid, name it in {@code explicitNulls} (see
 * {@link UpdateCustomerRequest} for the mechanism).
 *
 * @param name name
 * @param startDate start
 * @param endDate end (nullable)
 * @param subscriptionTerms subscription terms
 * @param creationState draft or active
 * @param billingAnchor day of month billing is anchored to, 1 to 31
 * @param paymentTerms payment terms
 * @param externalId your own id for the order
 * @param metadata free-form metadata (nullable)
 * @param billingCustomerId Paid id of the customer billed
 * @param billingContactIds Paid ids of the billing contacts
 * @param autoPostInvoices whether invoices post automatically
 * @param autoSendBillingEmails whether billing emails are sent automatically
 * @param autoSendPaymentEmails whether payment emails are sent automatically
 * @param purchaseOrderReference purchase order reference (nullable)
 * @param explicitNulls names of nullable fields to send as {@code null}; one of {@link #NULLABLE_FIELDS}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateOrderRequest(@Nullable String name, @Nullable OffsetDateTime startDate,
		@Nullable OffsetDateTime endDate, @Nullable Integer subscriptionTerms, @Nullable CreationState creationState,
		@Nullable Integer billingAnchor, @Nullable String paymentTerms, @Nullable String externalId,
		@Nullable Map<String, Object> metadata, @Nullable String billingCustomerId,
		@Nullable List<String> billingContactIds, @Nullable Boolean autoPostInvoices,
		@Nullable Boolean autoSendBillingEmails, @Nullable Boolean autoSendPaymentEmails,
		@Nullable String purchaseOrderReference, @JsonIgnore @Nullable Set<String> explicitNulls) {

	/**
	 * Fields that may be sent as {@code null}. Paid documents only {@code purchaseOrderReference} as nullable on
	 * orders; {@code endDate} and {@code metadata} are nullable on the {@link Order} response and assumed clearable.
	 */
	public static final Set<String> NULLABLE_FIELDS = Set.of("endDate", "metadata", "purchaseOrderReference");

	public UpdateOrderRequest {
		explicitNulls = ExplicitNulls.validate(explicitNulls, NULLABLE_FIELDS, "Order");
	}

	/**
	 * An update without explicit nulls.
	 */
	public UpdateOrderRequest(@Nullable String name, @Nullable OffsetDateTime startDate,
			@Nullable OffsetDateTime endDate, @Nullable Integer subscriptionTerms,
			@Nullable CreationState creationState, @Nullable Integer billingAnchor, @Nullable String paymentTerms,
			@Nullable String externalId, @Nullable Map<String, Object> metadata, @Nullable String billingCustomerId,
			@Nullable List<String> billingContactIds, @Nullable Boolean autoPostInvoices,
			@Nullable Boolean autoSendBillingEmails, @Nullable Boolean autoSendPaymentEmails,
			@Nullable String purchaseOrderReference) {
		this(name, startDate, endDate, subscriptionTerms, creationState, billingAnchor, paymentTerms, externalId,
				metadata, billingCustomerId, billingContactIds, autoPostInvoices, autoSendBillingEmails,
				autoSendPaymentEmails, purchaseOrderReference, null);
	}

	/**
	 * A copy that also sends the given nullable fields as {@code null} while they are {@code null} here.
	 * @param fieldNames wire names out of {@link #NULLABLE_FIELDS}
	 * @return the copy
	 */
	public UpdateOrderRequest withExplicitNulls(String... fieldNames) {
		return new UpdateOrderRequest(this.name, this.startDate, this.endDate, this.subscriptionTerms,
				this.creationState, this.billingAnchor, this.paymentTerms, this.externalId, this.metadata,
				this.billingCustomerId, this.billingContactIds, this.autoPostInvoices, this.autoSendBillingEmails,
				this.autoSendPaymentEmails, this.purchaseOrderReference,
				ExplicitNulls.plus(explicitNulls(), fieldNames));
	}

	@Override
	public Set<String> explicitNulls() {
		return (this.explicitNulls != null) ? this.explicitNulls : Set.of();
	}

	@JsonAnyGetter
	Map<String, @Nullable Object> explicitNullValues() {
		Map<String, @Nullable Object> values = new HashMap<>();
		values.put("endDate", this.endDate);
		values.put("metadata", this.metadata);
		values.put("purchaseOrderReference", this.purchaseOrderReference);
		return ExplicitNulls.asNullMap(explicitNulls(), values);
	}

}
