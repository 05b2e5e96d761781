package ai.paid.spring.benchmarks.backfill;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.paid.spring.sync.BackfillProgress;
import ai.paid.spring.sync.jpa.PaidSyncBackfill;
import ai.paid.spring.test.MockPaidServer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backfill of pre-existing data on local PostgreSQL into the in-process {@link MockPaidServer}: inserts N accounts,
 * each with a contact and an order, with plain JDBC (so capture never sees them), runs
 * {@link PaidSyncBackfill#backfill()}, and prints how long queueing and delivery took, the rate, and the largest used
 * heap seen (run with {@code -Xmx256m} to check that memory stays bounded).
 * <p>
 * Arguments: {@code --accounts=N} (default 10,000), {@code --chunk-size=N} (default 500), {@code --url=jdbc:...}
 * (default {@code $PAID_TEST_POSTGRESQL_URL} or the local {@code test} database). Works in its own schema
 * {@code paid_backfill_benchmark}, whose tables it recreates.
 */
public final class BackfillBenchmark {

	private BackfillBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int accounts = Integer.parseInt(arg(args, "accounts", "10000"));
		String chunkSize = arg(args, "chunk-size", "500");
		String url = arg(args, "url", System.getenv().getOrDefault("PAID_TEST_POSTGRESQL_URL",
				"jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
		try (MockPaidServer paid = new MockPaidServer().start()) {
			paid.recordedRequestLimit(0);
			paid.seedProduct("Benchmark plan", "bench-plan");
			ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
				.web(WebApplicationType.NONE)
				.properties("spring.datasource.url=" + url, "spring.datasource.hikari.connection-init-sql="
						+ "CREATE SCHEMA IF NOT EXISTS paid_backfill_benchmark; SET search_path TO paid_backfill_benchmark",
						"spring.jpa.hibernate.ddl-auto=create-drop", "paid.outbox.initialize-schema=always",
						"paid.sync.backfill.chunk-size=" + chunkSize, "spring.main.banner-mode=off",
						"logging.level.root=WARN", "logging.level.ai.paid.spring.sync.PaidSyncBackfill=WARN")
				.run("--paid.base-url=" + paid.baseUrl(), "--paid.api-key=" + paid.apiKey());
			try {
				run(context, paid, accounts);
			}
			finally {
				context.close();
			}
		}
	}

	private static void run(ConfigurableApplicationContext context, MockPaidServer paid, int accounts) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		for (String table : List.of("bench_order", "bench_contact", "bench_account", "paid_sync_outbox",
				"paid_sync_lane", "paid_sync_link", "paid_sync_backfill")) {
			jdbc.execute("DELETE FROM " + table);
		}
		long insertStart = System.nanoTime();
		insert(jdbc, accounts);
		System.out.printf(Locale.ROOT, "Backfill benchmark: %d cores, Java %s, max heap %d MB%n",
				Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf(Locale.ROOT, "inserted %,d accounts, %,d contacts, %,d orders with JDBC in %,d ms%n",
				accounts, accounts, accounts, millis(insertStart));
		PaidSyncBackfill backfill = context.getBean(PaidSyncBackfill.class);
		long[] maxHeap = { usedHeap() };
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				maxHeap[0] = Math.max(maxHeap[0], usedHeap());
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		long start = System.nanoTime();
		long queued = backfill.backfill();
		long queuedMillis = millis(start);
		long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
		while (pending(jdbc) > 0 || paid.orders().size() < accounts) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Backfill not delivered within 15 minutes");
			}
			sleep(100);
		}
		long deliveredMillis = millis(start);
		sampler.interrupt();
		System.out.printf(Locale.ROOT, "queued %,d entities in %,d ms (%,d entities/s)%n", queued, queuedMillis,
				queued * 1000 / Math.max(1, queuedMillis));
		System.out.printf(Locale.ROOT, "all in Paid after %,d ms (%,d entities/s end to end)%n", deliveredMillis,
				queued * 1000 / Math.max(1, deliveredMillis));
		System.out.printf(Locale.ROOT, "Paid holds %,d customers, %,d contacts, %,d orders%n", paid.customers().size(),
				paid.contacts().size(), paid.orders().size());
		System.out.printf(Locale.ROOT, "max used heap %d MB%n", maxHeap[0] >> 20);
		for (BackfillProgress progress : backfill.progress()) {
			System.out.printf(Locale.ROOT, "  %-14s %-8s %,d/%,d%n", progress.entity(), progress.state(),
					progress.done(), progress.total());
		}
	}

	private static void insert(JdbcTemplate jdbc, int accounts) {
		int batch = 1_000;
		for (int from = 0; from < accounts; from += batch) {
			List<Object[]> accountRows = new ArrayList<>();
			List<Object[]> contactRows = new ArrayList<>();
			List<Object[]> orderRows = new ArrayList<>();
			for (int i = from; i < Math.min(accounts, from + batch); i++) {
				accountRows.add(new Object[] { "acc-" + i, "Company " + i, "billing" + i + "@example.test" });
				contactRows.add(new Object[] { (long) i, "con-" + i, "First" + i, "Last" + i, "c" + i + "@example.test",
						"acc-" + i });
				orderRows.add(new Object[] { "ord-" + i, "acc-" + i, "Plan " + i, Date.valueOf(LocalDate.of(2025, 6, 1)),
						"USD", "bench-plan" });
			}
			jdbc.batchUpdate("INSERT INTO bench_account (id, name, email) VALUES (?, ?, ?)", accountRows);
			jdbc.batchUpdate("INSERT INTO bench_contact (id, ref, first_name, last_name, email, account_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?)", contactRows);
			jdbc.batchUpdate("INSERT INTO bench_order (id, account_id, name, start_date, currency, product) "
					+ "VALUES (?, ?, ?, ?, ?, ?)", orderRows);
		}
	}

	private static long pending(JdbcTemplate jdbc) {
		Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM paid_sync_outbox WHERE state = 0", Long.class);
		return (rows != null) ? rows : 0;
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static long millis(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String arg(String[] args, String name, String fallback) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		return fallback;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
