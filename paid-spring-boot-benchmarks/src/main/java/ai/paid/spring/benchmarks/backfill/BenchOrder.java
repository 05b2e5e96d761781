package ai.paid.spring.benchmarks.backfill;

import java.time.LocalDate;
import java.util.List;

import ai.paid.spring.sync.PaidOrderLine;
import ai.paid.spring.sync.annotation.PaidField;
import ai.paid.spring.sync.annotation.PaidOrderLines;
import ai.paid.spring.sync.annotation.PaidSync;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** An order of the backfill benchmark with one product line. */
@Entity
@PaidSync(type = PaidSync.Type.ORDER)
public class BenchOrder {

	@Id
	private String id;

	@ManyToOne
	private BenchAccount account;

	@PaidField("name")
	private String name;

	@PaidField("startDate")
	private LocalDate startDate;

	@PaidField("currency")
	private String currency;

	private String product;

	protected BenchOrder() {
	}

	@PaidOrderLines
	List<PaidOrderLine> lines() {
		return List.of(PaidOrderLine.of(this.product));
	}

}
