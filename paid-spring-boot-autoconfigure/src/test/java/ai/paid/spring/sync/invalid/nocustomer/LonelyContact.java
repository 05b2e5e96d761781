package ai.paid.spring.sync.invalid.nocustomer;

import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@PaidSync(type = PaidSync.Type.CONTACT)
public class LonelyContact {

	@Id
	private String id;

	@PaidField("firstName")
	private String firstName;

}
