package ai.paid.demo.billing;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An invoice Paid reported as paid ({@code billing-invoice-paid}).
 */
@Entity
@Table(name = "paid_invoices")
public class PaidInvoice {

	@Id
	private String id;

	private @Nullable String accountId;

	private @Nullable String amount;

	private @Nullable String currency;

	private Instant paidAt;

	protected PaidInvoice() {
	}

	PaidInvoice(String id, @Nullable String accountId, @Nullable String amount, @Nullable String currency,
			Instant paidAt) {
		this.id = id;
		this.accountId = accountId;
		this.amount = amount;
		this.currency = currency;
		this.paidAt = paidAt;
	}

	public String getId() {
		return this.id;
	}

	public @Nullable String getAccountId() {
		return this.accountId;
	}

	public @Nullable String getAmount() {
		return this.amount;
	}

	public @Nullable String getCurrency() {
		return this.currency;
	}

	public Instant getPaidAt() {
		return this.paidAt;
	}

}
