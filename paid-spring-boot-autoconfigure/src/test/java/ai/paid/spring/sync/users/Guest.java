package ai.paid.spring.sync.users;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A user mapped in code by a {@code PaidMapper} bean, with no annotation. */
@Entity
public class Guest {

	@Id
	private String id;

	private String workspaceId;

	private String displayName;

	protected Guest() {
	}

	public Guest(String id, String workspaceId, String displayName) {
		this.id = id;
		this.workspaceId = workspaceId;
		this.displayName = displayName;
	}

	public String getId() {
		return this.id;
	}

	public String getWorkspaceId() {
		return this.workspaceId;
	}

	public String getDisplayName() {
		return this.displayName;
	}

}
