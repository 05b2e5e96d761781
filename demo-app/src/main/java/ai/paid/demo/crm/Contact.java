package ai.paid.demo.crm;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import ai.paid.spring.sync.annotation.PaidCustomer;
import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import org.jspecify.annotations.Nullable;

/**
 * A person at an {@link Account} the agent talks to: a contact of the customer in Paid.
 */
@Entity
@Table(name = "contacts")
@PaidSync(type = PaidSync.Type.CONTACT)
public class Contact {

	@Id
	private String id;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "account_id")
	@PaidCustomer
	private Account account;

	@PaidField("firstName")
	private String firstName;

	@PaidField("lastName")
	private String lastName;

	@PaidField("email")
	private String email;

	private @Nullable String title;

	private Instant createdAt;

	protected Contact() {
	}

	public Contact(Account account, String firstName, String lastName, String email, @Nullable String title) {
		this.id = Ids.next("con");
		this.account = account;
		this.firstName = firstName;
		this.lastName = lastName;
		this.email = email;
		this.title = title;
		this.createdAt = Instant.now();
	}

	public String getId() {
		return this.id;
	}

	public Account getAccount() {
		return this.account;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getFullName() {
		return this.firstName + " " + this.lastName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
