package ai.paid.spring.sync.users;

import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A customer whose members are Paid users. */
@Entity
@PaidSync(type = PaidSync.Type.CUSTOMER)
public class Workspace {

	@Id
	private String id;

	@PaidField("name")
	private String name;

	protected Workspace() {
	}

	public Workspace(String id, String name) {
		this.id = id;
		this.name = name;
	}

	public String getId() {
		return this.id;
	}

}
