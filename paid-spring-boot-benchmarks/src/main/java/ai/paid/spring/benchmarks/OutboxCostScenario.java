package ai.paid.spring.benchmarks;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import ai.paid.spring.outbox.JdbcPaidOutbox;
import ai.paid.spring.outbox.OutboxDispatcher;
import ai.paid.spring.outbox.OutboxDispatcherSettings;
import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxOperation;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code OutboxBenchmark --scenario=cost}: what the outbox costs per delivered row and per enqueue, in figures that
 * the machine's load barely moves (database round trips, statements and transactions, counted below the pool, and
 * CPU time), so that an A/B run of two builds on one machine shows what a change saved.
 * <ul>
 * <li>drain: a committed backlog of {@code --cost-rows} rows (default 20,000), {@code --cost-rows-per-customer}
 * per customer (default 10; at most 10,000 customers), delivered with each added Paid latency
 * of {@code --cost-latencies} (ms) and each {@code --cost-lanes} (lanes in flight); the phase ends once every row is
 * acknowledged and every lane's completion is stored;</li>
 * <li>enqueue: {@code --cost-transactions} (default 2,000) JPA transactions persisting one entity, and as many
 * persisting one entity and enqueuing one outbox message, in alternating blocks of 100 (the dispatcher is not running,
 * so only the writer's work is counted).</li>
 * </ul>
 * {@code --cost-phases=drain,enqueue} picks phases; {@code --count-statements=false} leaves the counting proxy out
 * (counts then read 0), to tell the CPU time the counting adds; {@code --pg-stat-database=true} adds {@code pg_stat_database}'s
 * transaction counts as a cross-check (whole database, about 22 s more per phase).
 */
final class OutboxCostScenario {

	private final OutboxBenchmark benchmark;

	private final CostMeter meter;

	private final int rowsPerCustomer;

	private OutboxCostScenario(OutboxBenchmark benchmark, CostMeter meter, int rowsPerCustomer) {
		this.benchmark = benchmark;
		this.meter = meter;
		this.rowsPerCustomer = rowsPerCustomer;
	}

	static void run(String url, String[] args) throws Exception {
		int rows = Integer.parseInt(OutboxBenchmark.arg(args, "cost-rows", "20000"));
		String phases = OutboxBenchmark.arg(args, "cost-phases", "drain,enqueue");
		JdbcCostCounter counter = new JdbcCostCounter();
		// without the proxy the counts stay 0: for telling how much CPU the counting itself adds
		boolean counting = Boolean.parseBoolean(OutboxBenchmark.arg(args, "count-statements", "true"));
		OutboxBenchmark benchmark = new OutboxBenchmark(url, counting ? counter : null);
		try (CostMeter meter = new CostMeter(counter, url,
				Boolean.parseBoolean(OutboxBenchmark.arg(args, "pg-stat-database", "false")))) {
			OutboxCostScenario scenario = new OutboxCostScenario(benchmark, meter,
					Integer.parseInt(OutboxBenchmark.arg(args, "cost-rows-per-customer", "10")));
			benchmark.createSchema();
			scenario.warmUp(rows);
			if (phases.contains("drain")) {
				for (String latency : OutboxBenchmark.arg(args, "cost-latencies", "0,20").split(",")) {
					for (String lanes : OutboxBenchmark.arg(args, "cost-lanes", "16,64").split(",")) {
						scenario.drain(rows, Duration.ofMillis(Long.parseLong(latency.trim())),
								Integer.parseInt(lanes.trim()));
					}
				}
			}
			if (phases.contains("enqueue")) {
				scenario.enqueue(Integer.parseInt(OutboxBenchmark.arg(args, "cost-transactions", "2000")));
			}
		}
		finally {
			benchmark.close();
		}
	}

	/** Runs the drain and the enqueue once, unreported, so that the JIT has compiled them. */
	private void warmUp(int rows) throws InterruptedException {
		long start = System.nanoTime();
		PrintStream out = System.out;
		System.setOut(new PrintStream(OutputStream.nullOutputStream()));
		try {
			drain(rows, Duration.ZERO, 64);
			enqueue(500);
		}
		finally {
			System.setOut(out);
		}
		System.out.printf(Locale.ROOT, "(warm-up: %.1f s, not reported)%n", (System.nanoTime() - start) / 1e9);
	}

	private void drain(int rows, Duration paidLatency, int lanes) throws InterruptedException {
		int customers = Math.min(10_000, Math.max(1, rows / this.rowsPerCustomer));
		this.benchmark.reset();
		this.benchmark.backlog(rows, customers);
		this.benchmark.paidLatency(paidLatency);
		OutboxDispatcher dispatcher = this.benchmark
			.dispatcher(OutboxDispatcherSettings.builder().maxConcurrentLanes(lanes).build());
		this.benchmark.resetDelivered();
		CostMeter.Mark mark = this.meter.start();
		long start = System.nanoTime();
		dispatcher.start();
		long deadline = start + 600_000_000_000L;
		while ((this.benchmark.delivered() < rows || dispatcher.lanesInFlight() > 0) && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		long elapsed = System.nanoTime() - start;
		CostMeter.Cost cost = mark.stop();
		dispatcher.stop();
		this.benchmark.paidLatency(Duration.ZERO);
		long delivered = this.benchmark.delivered();
		cost.print(String.format(Locale.ROOT, "drain, %d ms Paid latency, %d lanes in flight, %,d customers x %d rows",
				paidLatency.toMillis(), lanes, customers, rows / customers), "row", delivered,
				delivered / (elapsed / 1e9));
	}

	private void enqueue(int transactions) {
		this.benchmark.reset();
		// no dispatcher: the drain is measured on its own
		JdbcPaidOutbox outbox = this.benchmark.outbox((lanes) -> {
		});
		LocalContainerEntityManagerFactoryBean factory = this.benchmark.entityManagerFactory();
		try {
			EntityManagerFactory entityManagerFactory = factory.getObject();
			TransactionTemplate tx = new TransactionTemplate(new JpaTransactionManager(entityManagerFactory));
			Runnable plain = () -> tx.executeWithoutResult(
					(status) -> OutboxBenchmark.persistItem(entityManagerFactory, customer()));
			Runnable withOutbox = () -> tx.executeWithoutResult((status) -> {
				String customer = customer();
				OutboxBenchmark.persistItem(entityManagerFactory, customer);
				outbox.enqueue(new OutboxMessage(customer, "CUSTOMER", customer, OutboxOperation.UPSERT, "Item"));
			});
			for (int i = 0; i < 500; i++) {
				plain.run();
				withOutbox.run();
			}
			// alternating blocks, so that a change in the machine's load falls on both alike
			int blocks = this.meter.slow() ? 1 : Math.max(1, transactions / 100);
			CostMeter.Cost without = null;
			CostMeter.Cost with = null;
			for (int block = 0; block < blocks; block++) {
				int size = transactions / blocks + ((block < transactions % blocks) ? 1 : 0);
				CostMeter.Cost plainBlock = repeat(plain, size);
				CostMeter.Cost outboxBlock = repeat(withOutbox, size);
				without = (without != null) ? without.plus(plainBlock) : plainBlock;
				with = (with != null) ? with.plus(outboxBlock) : outboxBlock;
			}
			without.print("enqueue, JPA transaction persisting one entity, no outbox", "transaction", transactions,
					null);
			with.print("enqueue, the same with one outbox message", "transaction", transactions, null);
			double n = transactions;
			System.out.printf(Locale.ROOT,
					"[cost] enqueue adds per message: %.2f round trips, %.2f statements, %.2f server transactions, "
							+ "JVM CPU %.0f µs, PostgreSQL backends CPU %.0f µs%n",
					(with.jdbc().roundTrips() - without.jdbc().roundTrips()) / n,
					(with.jdbc().statements() - without.jdbc().statements()) / n,
					(with.jdbc().serverTransactions() - without.jdbc().serverTransactions()) / n,
					(with.processCpuNanos() - without.processCpuNanos()) / 1e3 / n,
					(with.backendCpuNanos() - without.backendCpuNanos()) / 1e3 / n);
		}
		finally {
			factory.destroy();
		}
	}

	private CostMeter.Cost repeat(Runnable transaction, int times) {
		CostMeter.Mark mark = this.meter.start();
		for (int i = 0; i < times; i++) {
			transaction.run();
		}
		return mark.stop();
	}

	private static String customer() {
		return "c" + ThreadLocalRandom.current().nextInt(10_000);
	}

}
