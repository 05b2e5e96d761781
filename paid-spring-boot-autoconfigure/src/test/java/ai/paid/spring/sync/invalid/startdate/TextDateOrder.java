package ai.paid.spring.sync.invalid.startdate;

import ai.paid.spring.sync.annotation.PaidCustomer;
import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@PaidSync(type = PaidSync.Type.ORDER)
public class TextDateOrder {

	@Id
	private String id;

	@PaidCustomer
	private String customerRef;

	@PaidField("startDate")
	private String startDate;

}
