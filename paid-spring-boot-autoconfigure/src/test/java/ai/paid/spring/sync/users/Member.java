package ai.paid.spring.sync.users;

import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A user of a workspace: {@code type = USER}, otherwise its customer relation would make it a contact. */
@Entity
@PaidSync(type = PaidSync.Type.USER)
public class Member {

	@Id
	private String id;

	@PaidField("name")
	private String fullName;

	@PaidField("email")
	private String email;

	@ManyToOne(fetch = FetchType.LAZY)
	private Workspace workspace;

	protected Member() {
	}

	public Member(String id, Workspace workspace, String fullName, String email) {
		this.id = id;
		this.workspace = workspace;
		this.fullName = fullName;
		this.email = email;
	}

	public void setFullName(String fullName) {
		this.fullName = fullName;
	}

}
