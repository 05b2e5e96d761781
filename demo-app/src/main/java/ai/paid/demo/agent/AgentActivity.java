package ai.paid.demo.agent;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Something the AI SDR agent did for an account, and the Paid signal it emitted for it.
 */
@Entity
@Table(name = "agent_activity")
public class AgentActivity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String signal;

	private String accountId;

	private String accountName;

	private String contactId;

	private String contactName;

	private String detail;

	private Instant occurredAt;

	protected AgentActivity() {
	}

	AgentActivity(String signal, String accountId, String accountName, String contactId, String contactName,
			String detail, Instant occurredAt) {
		this.signal = signal;
		this.accountId = accountId;
		this.accountName = accountName;
		this.contactId = contactId;
		this.contactName = contactName;
		this.detail = detail;
		this.occurredAt = occurredAt;
	}

	public Long getId() {
		return this.id;
	}

	/** The Paid signal's event name, e.g. {@code email_sent}. */
	public String getSignal() {
		return this.signal;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getAccountName() {
		return this.accountName;
	}

	public String getContactId() {
		return this.contactId;
	}

	public String getContactName() {
		return this.contactName;
	}

	public String getDetail() {
		return this.detail;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

}
