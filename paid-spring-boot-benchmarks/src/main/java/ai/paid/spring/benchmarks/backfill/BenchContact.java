package ai.paid.spring.benchmarks.backfill;

import ai.paid.spring.sync.annotation.PaidExternalId;
import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A contact of the backfill benchmark, with a numeric id and its own external id. */
@Entity
@PaidSync(type = PaidSync.Type.CONTACT)
public class BenchContact {

	@Id
	private Long id;

	@PaidExternalId
	private String ref;

	@PaidField("firstName")
	private String firstName;

	@PaidField("lastName")
	private String lastName;

	@PaidField("email")
	private String email;

	@ManyToOne(fetch = FetchType.LAZY)
	private BenchAccount account;

	protected BenchContact() {
	}

}
