package ai.paid.spring.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /orders/}. {@code null} components are left out of the JSON. Paid stores {@code externalId} but
 * only returns it in {@link CustomerState#orders()}; send it anyway, it is how an uncertain create is found again.
 *
 * @param customerId Paid id of the customer (required)
 * @param billingCustomerId Paid id of the customer billed, when different
 * @param billingContactIds Paid ids of the billing contacts
 * @param name name
 * @param startDate start
 * @param endDate end
 * @param subscriptionTerms subscription terms
 * @param creationState draft or active
 * @param billingAnchor day of month billing is anchored to, 1 to 31
 * @param paymentTerms payment terms
 * @param externalId your own id for the order
 * @param metadata free-form metadata
 * @param currency ISO 4217 currency
 * @param autoPostInvoices whether invoices post automatically
 * @param autoSendBillingEmails whether billing emails are sent automatically
 * @param autoSendPaymentEmails whether payment emails are sent automatically
 * @param lines order lines (lines can only be given on create)
 * @param billingFrequencyOverride billing frequency override
 * @param purchaseOrderReference purchase order reference
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateOrderRequest(String customerId, @Nullable String billingCustomerId,
		@Nullable List<String> billingContactIds, @Nullable String name, @Nullable OffsetDateTime startDate,
		@Nullable OffsetDateTime endDate, @Nullable Integer subscriptionTerms, @Nullable CreationState creationState,
		@Nullable Integer billingAnchor, @Nullable String paymentTerms, @Nullable String externalId,
		@Nullable Map<String, Object> metadata, @Nullable String currency, @Nullable Boolean autoPostInvoices,
		@Nullable Boolean autoSendBillingEmails, @Nullable Boolean autoSendPaymentEmails,
		@Nullable List<CreateOrderLineRequest> lines, @Nullable OrderBillingFrequencyOverride billingFrequencyOverride,
		@Nullable String purchaseOrderReference) {

	/**
	 * A minimal order: customer, name, external id and lines.
	 * @param customerId Paid id of the customer
	 * @param name order name, may be {@code null}
	 * @param externalId your own id, may be {@code null}
	 * @param lines order lines, may be {@code null}
	 * @return the request
	 */
	public static CreateOrderRequest of(String customerId, @Nullable String name, @Nullable String externalId,
			@Nullable List<CreateOrderLineRequest> lines) {
		return new CreateOrderRequest(customerId, null, null, name, null, null, null, null, null, null, externalId,
				null, null, null, null, null, lines, null, null);
	}

}
