package ai.paid.spring.sync.invalid.unsynced;

import ai.paid.spring.sync.annotation.PaidCustomer;
import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
@PaidSync
public class RegionalContact {

	@Id
	private String id;

	@PaidField("email")
	private String email;

	@PaidCustomer
	@ManyToOne
	private Region region;

}
