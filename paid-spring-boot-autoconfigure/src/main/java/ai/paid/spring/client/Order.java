package ai.paid.spring.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * An order as Paid returns it. Paid does not return the order's {@code externalId} here; find it in
 * {@link CustomerState#orders()}.
 *
 * @param id Paid id
 * @param customerId Paid id of the customer
 * @param billingCustomerId Paid id of the customer billed, when different
 * @param billingContactIds Paid ids of the billing contacts
 * @param name name
 * @param number order number
 * @param version version
 * @param startDate start
 * @param endDate end
 * @param subscriptionTerms subscription terms
 * @param creationState draft or active
 * @param paymentTerms payment terms
 * @param metadata free-form metadata
 * @param billedAmountNoTax billed amount without tax
 * @param billedTax billed tax
 * @param estimatedTax estimated tax
 * @param orderAmount order amount
 * @param pendingBillingAmount amount pending billing
 * @param totalAmount total amount
 * @param totalBilledAmount total billed amount
 * @param showPaymentLink whether invoices show a payment link
 * @param showBankDetails whether invoices show bank details
 * @param autoPostInvoices whether invoices post automatically
 * @param autoSendBillingEmails whether billing emails are sent automatically
 * @param autoSendPaymentEmails whether payment emails are sent automatically
 * @param billingFrequencyOverride billing frequency override
 * @param billingFrequencyOverridden whether the billing frequency is overridden
 * @param purchaseOrderReference purchase order reference
 * @param createdAt when Paid created it
 * @param updatedAt when Paid last changed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Order(String id, @Nullable String customerId, @Nullable String billingCustomerId,
		@Nullable List<String> billingContactIds, @Nullable String name, @Nullable BigDecimal number,
		@Nullable Integer version, @Nullable OffsetDateTime startDate, @Nullable OffsetDateTime endDate,
		@Nullable Integer subscriptionTerms, @Nullable CreationState creationState, @Nullable String paymentTerms,
		@Nullable Map<String, Object> metadata, @Nullable BigDecimal billedAmountNoTax, @Nullable BigDecimal billedTax,
		@Nullable BigDecimal estimatedTax, @Nullable BigDecimal orderAmount, @Nullable BigDecimal pendingBillingAmount,
		@Nullable BigDecimal totalAmount, @Nullable BigDecimal totalBilledAmount, @Nullable Boolean showPaymentLink,
		@Nullable Boolean showBankDetails, @Nullable Boolean autoPostInvoices, @Nullable Boolean autoSendBillingEmails,
		@Nullable Boolean autoSendPaymentEmails, @Nullable OrderBillingFrequencyOverride billingFrequencyOverride,
		@Nullable Boolean billingFrequencyOverridden, @Nullable String purchaseOrderReference,
		@Nullable OffsetDateTime createdAt, @Nullable OffsetDateTime updatedAt) {

}
