package ai.paid.spring.userapp;

import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The README's customer entity. */
@Entity
@PaidSync(type = PaidSync.Type.CUSTOMER)
class Account {

	@Id
	private String id;

	@PaidField("name")
	private String companyName;

	protected Account() {
	}

	Account(String id, String companyName) {
		this.id = id;
		this.companyName = companyName;
	}

	void rename(String companyName) {
		this.companyName = companyName;
	}

}
