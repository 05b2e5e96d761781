package ai.paid.demo.billing;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An account whose AI SDR agent is paused, and why.
 */
@Entity
@Table(name = "agent_pauses")
public class AgentPause {

	@Id
	private String accountId;

	private String reason;

	private String webhook;

	private Instant pausedAt;

	protected AgentPause() {
	}

	AgentPause(String accountId, String reason, String webhook, Instant pausedAt) {
		this.accountId = accountId;
		this.reason = reason;
		this.webhook = webhook;
		this.pausedAt = pausedAt;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getReason() {
		return this.reason;
	}

	public String getWebhook() {
		return this.webhook;
	}

	public Instant getPausedAt() {
		return this.pausedAt;
	}

}
