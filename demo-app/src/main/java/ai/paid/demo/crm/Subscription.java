package ai.paid.demo.crm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import ai.paid.spring.sync.PaidOrderLine;
import ai.paid.spring.sync.annotation.PaidBillingContact;
import ai.paid.spring.sync.annotation.PaidCustomer;
import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidOrderLines;
import ai.paid.spring.sync.annotation.PaidSync;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Account}'s subscription to an AI SDR plan: an order in Paid, linked to the customer and, when there is
 * one, to the billing contact.
 */
@Entity
@Table(name = "subscriptions")
@PaidSync(type = PaidSync.Type.ORDER)
public class Subscription {

	@Id
	private String id;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "account_id")
	@PaidCustomer
	private Account account;

	@ManyToOne(fetch = FetchType.EAGER)
	@JoinColumn(name = "billing_contact_id")
	@PaidBillingContact
	private @Nullable Contact billingContact;

	@PaidField("name")
	private String plan;

	private String productId;

	@PaidField("startDate")
	private LocalDate startDate;

	@PaidField("endDate")
	private LocalDate endDate;

	@PaidField("currency")
	private String currency;

	private Instant createdAt;

	protected Subscription() {
	}

	public Subscription(Account account, @Nullable Contact billingContact, Plan plan, LocalDate startDate, LocalDate endDate,
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

	public @Nullable Contact getBillingContact() {
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

	/** The order's one line: the plan's product, with the pricing set up for it in Paid. */
	@PaidOrderLines
	public List<PaidOrderLine> getLines() {
		return List.of(PaidOrderLine.of(this.productId));
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
