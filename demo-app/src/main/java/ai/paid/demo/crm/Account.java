package ai.paid.demo.crm;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import org.jspecify.annotations.Nullable;

/**
 * A company the AI SDR sells to and bills: a customer in Paid. Its {@code @Id} is the customer's external id in Paid;
 * every insert, update and delete reaches Paid through the starter's outbox after the transaction commits.
 */
@Entity
@Table(name = "accounts")
@PaidSync(type = PaidSync.Type.CUSTOMER)
public class Account {

	@Id
	private String id;

	@PaidField("name")
	private String name;

	@PaidField("email")
	private @Nullable String email;

	@PaidField("website")
	private @Nullable String website;

	@PaidField("billingAddress.country")
	private @Nullable String country;

	@PaidField("defaultCurrency")
	private String currency;

	private Instant createdAt;

	protected Account() {
	}

	public Account(String name, @Nullable String email, @Nullable String website, @Nullable String country,
			String currency) {
		this.id = Ids.next("acc");
		this.name = name;
		this.email = email;
		this.website = website;
		this.country = country;
		this.currency = currency;
		this.createdAt = Instant.now();
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getWebsite() {
		return this.website;
	}

	public void setWebsite(@Nullable String website) {
		this.website = website;
	}

	public @Nullable String getCountry() {
		return this.country;
	}

	public void setCountry(@Nullable String country) {
		this.country = country;
	}

	public String getCurrency() {
		return this.currency;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
