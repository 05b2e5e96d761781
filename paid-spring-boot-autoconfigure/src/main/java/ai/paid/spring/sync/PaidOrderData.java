package ai.paid.spring.sync;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An order as it should look in Paid. Fields left {@code null} are not sent. Build one with
 * {@link #builder(String, String)}.
 *
 * @param externalId your id for the order (required)
 * @param customerExternalId external id of the order's customer (required)
 * @param billingContactExternalIds external ids of the billing contacts
 * @param name order name
 * @param startDate start
 * @param endDate end
 * @param currency ISO 4217 code
 * @param creationState {@code draft} or {@code active}
 * @param subscriptionTerms subscription terms
 * @param billingAnchor day of month, 1-31
 * @param paymentTerms payment terms
 * @param metadata free-form metadata
 * @param lines order lines; sent only when the order is created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaidOrderData(String externalId, String customerExternalId,
		@Nullable List<String> billingContactExternalIds, @Nullable String name, @Nullable OffsetDateTime startDate,
		@Nullable OffsetDateTime endDate, @Nullable String currency, @Nullable String creationState,
		@Nullable Integer subscriptionTerms, @Nullable Integer billingAnchor, @Nullable String paymentTerms,
		@Nullable Map<String, Object> metadata, @Nullable List<PaidOrderLine> lines) implements PaidEntityData {

	@Override
	@JsonIgnore
	public PaidEntityType type() {
		return PaidEntityType.ORDER;
	}

	/** Starts an order of the given customer. */
	public static Builder builder(String externalId, String customerExternalId) {
		return new Builder(externalId, customerExternalId);
	}

	/**
	 * Builds a {@link PaidOrderData}.
	 */
	public static final class Builder {

		private final String externalId;

		private final String customerExternalId;

		private @Nullable List<String> billingContactExternalIds;

		private @Nullable String name;

		private @Nullable OffsetDateTime startDate;

		private @Nullable OffsetDateTime endDate;

		private @Nullable String currency;

		private @Nullable String creationState;

		private @Nullable Integer subscriptionTerms;

		private @Nullable Integer billingAnchor;

		private @Nullable String paymentTerms;

		private @Nullable Map<String, Object> metadata;

		private @Nullable List<PaidOrderLine> lines;

		private Builder(String externalId, String customerExternalId) {
			this.externalId = externalId;
			this.customerExternalId = customerExternalId;
		}

		public Builder billingContactExternalIds(@Nullable List<String> billingContactExternalIds) {
			this.billingContactExternalIds = billingContactExternalIds;
			return this;
		}

		public Builder name(@Nullable String name) {
			this.name = name;
			return this;
		}

		public Builder startDate(@Nullable OffsetDateTime startDate) {
			this.startDate = startDate;
			return this;
		}

		public Builder endDate(@Nullable OffsetDateTime endDate) {
			this.endDate = endDate;
			return this;
		}

		public Builder currency(@Nullable String currency) {
			this.currency = currency;
			return this;
		}

		public Builder creationState(@Nullable String creationState) {
			this.creationState = creationState;
			return this;
		}

		public Builder subscriptionTerms(@Nullable Integer subscriptionTerms) {
			this.subscriptionTerms = subscriptionTerms;
			return this;
		}

		public Builder billingAnchor(@Nullable Integer billingAnchor) {
			this.billingAnchor = billingAnchor;
			return this;
		}

		public Builder paymentTerms(@Nullable String paymentTerms) {
			this.paymentTerms = paymentTerms;
			return this;
		}

		public Builder metadata(@Nullable Map<String, Object> metadata) {
			this.metadata = metadata;
			return this;
		}

		public Builder lines(@Nullable List<PaidOrderLine> lines) {
			this.lines = lines;
			return this;
		}

		public PaidOrderData build() {
			return new PaidOrderData(this.externalId, this.customerExternalId, this.billingContactExternalIds,
					this.name, this.startDate, this.endDate, this.currency, this.creationState, this.subscriptionTerms,
					this.billingAnchor, this.paymentTerms, this.metadata, this.lines);
		}

	}

}
