package ai.paid.spring.sync.invalid.fields;

import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@PaidSync(type = PaidSync.Type.CUSTOMER)
public class SloppyCustomer {

	@Id
	private String id;

	@PaidField("nmae")
	private String name;

	@PaidField("metadata")
	private String metadata;

}
