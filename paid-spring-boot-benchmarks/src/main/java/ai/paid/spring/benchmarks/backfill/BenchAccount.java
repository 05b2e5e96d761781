package ai.paid.spring.benchmarks.backfill;

import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A customer of the backfill benchmark; its {@code @Id} is the external id. */
@Entity
@PaidSync(type = PaidSync.Type.CUSTOMER)
public class BenchAccount {

	@Id
	private String id;

	@PaidField("name")
	private String name;

	@PaidField("email")
	private String email;

	protected BenchAccount() {
	}

}
