package ai.paid.demo.crm;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An {@link Account}'s subscription to an AI SDR plan: an order in Paid, linked to the customer and, when there is
 * one, to the billing contact.
 */
@Entity
@Table(name = "subscriptions")
public class Subscription {

	@Id
	private String id;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "account_id")
	private Account account;

	@ManyToOne(fetch = FetchType.EAGER)
	@JoinColumn(name = "billing_contact_id")
	private Contact billingContact;

	private String plan;

	private String productId;

	private LocalDate startDate;

	private LocalDate endDate;

	private String currency;

	private Instant createdAt;

	protected Subscription() {
	}

	public Subscription(Account account, Contact billingContact, Plan plan, LocalDate startDate, LocalDate endDate,
			String currency) {
		this.id = Ids.next("sub");
		this.account = account;
		this.billingContact = billingContact;
		this.plan = plan.displayName();
		this.productId = plan.productId();
		this.startDate = startDate;
		this.endDate = endDate;
		this.currency = currency;
		this.createdAt = Instant.now();
	}

	public String getId() {
		return this.id;
	}

	public Account getAccount() {
		return this.account;
	}

	public Contact getBillingContact() {
		return this.billingContact;
	}

	public String getPlan() {
		return this.plan;
	}

	public String getProductId() {
		return this.productId;
	}

	public LocalDate getStartDate() {
		return this.startDate;
	}

	public LocalDate getEndDate() {
		return this.endDate;
	}

	public void setEndDate(LocalDate endDate) {
		this.endDate = endDate;
	}

	public String getCurrency() {
		return this.currency;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
