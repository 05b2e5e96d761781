package ai.paid.spring.benchmarks.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The small entity of the JPA enqueue-overhead scenario: one row of the benchmark's {@code bench_item} table.
 */
@Entity
@Table(name = "bench_item")
public class BenchItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String customer;

	private String name;

	protected BenchItem() {
	}

	public BenchItem(String customer, String name) {
		this.customer = customer;
		this.name = name;
	}

}
