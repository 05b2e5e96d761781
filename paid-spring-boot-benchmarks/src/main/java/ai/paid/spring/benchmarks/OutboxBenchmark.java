package ai.paid.spring.benchmarks;

// Why this class is long: over 300 lines because it is one runnable scenario script with its setup, phases and report
// in reading order.

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import ai.paid.spring.benchmarks.jpa.BenchItem;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.PaidRetryPolicy;
import ai.paid.spring.client.UpdateCustomerRequest;
import ai.paid.spring.client.WebClientPaidClient;
import ai.paid.spring.outbox.JdbcPaidOutbox;
import ai.paid.spring.outbox.OutboxDeliveryHandler;
import ai.paid.spring.outbox.DeliveryOutcome;
import ai.paid.spring.outbox.OutboxDispatcher;
import ai.paid.spring.outbox.OutboxDispatcherSettings;
import ai.paid.spring.outbox.OutboxMessage;
import ai.paid.spring.outbox.OutboxObserver;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.OutboxRecord;
import ai.paid.spring.test.MockPaidServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import jakarta.persistence.EntityManagerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the outbox on local PostgreSQL, delivering through the real {@link WebClientPaidClient} to an in-process
 * {@link MockPaidServer} (each row is one {@code PUT /customers/external/{lane}}):
 * <ul>
 * <li>{@code enqueue}: median time of a small JDBC insert transaction with and without one outbox message;</li>
 * <li>{@code latency}: commit-to-delivery latency at 200 commits/s;</li>
 * <li>{@code drain}: rows/s draining a 100,000-row backlog across 10,000 customers, then again with 20 ms of added
 * Paid latency;</li>
 * <li>{@code heap}: the largest used heap while draining 1,000,000 rows (run with {@code -Xmx256m});</li>
 * <li>{@code cost}: database round trips, statements, transactions and CPU time per delivered row and per enqueue
 * ({@link OutboxCostScenario}; its own arguments there).</li>
 * </ul>
 * Arguments: {@code --scenario=all|enqueue|latency|drain|heap|cost} (default all but heap and cost),
 * {@code --url=jdbc:...} (default {@code $PAID_TEST_POSTGRESQL_URL} or local {@code test} database),
 * {@code --drain-rows=N}, {@code --drain-latencies=0,20} (added Paid latency per drain run, ms),
 * {@code --heap-rows=N}, {@code --seconds=N} (latency run length). It works in its own schema
 * {@code paid_outbox_benchmark} and empties the outbox tables there before each phase.
 */
public final class OutboxBenchmark {

	private static final int CUSTOMERS = 10_000;

	private final HikariDataSource dataSource;

	private final JdbcTemplate jdbc;

	private final MockPaidServer paid;

	private final PaidClient client;

	private final Map<String, Long> committedAt = new ConcurrentHashMap<>();

	private final AtomicLong delivered = new AtomicLong();

	private volatile Consumer<OutboxRecord> onDelivered = (record) -> {
	};

	/**
	 * @param counter counts the pool's statements and commits (a proxy below the pool), or {@code null} for none
	 */
	OutboxBenchmark(String url, @Nullable JdbcCostCounter counter) {
		HikariConfig config = new HikariConfig();
		if (counter != null) {
			PGSimpleDataSource postgres = new PGSimpleDataSource();
			postgres.setURL(url);
			postgres.setApplicationName(CostMeter.APPLICATION_NAME);
			config.setDataSource(ProxyDataSourceBuilder.create(postgres).listener(counter).methodListener(counter).build());
		}
		else {
			config.setJdbcUrl(url);
			config.addDataSourceProperty("ApplicationName", CostMeter.APPLICATION_NAME);
		}
		// a schema of its own: the benchmark truncates its tables, and tests may share the database
		config.setConnectionInitSql("CREATE SCHEMA IF NOT EXISTS paid_outbox_benchmark; "
				+ "SET search_path TO paid_outbox_benchmark");
		config.setMaximumPoolSize(12);
		this.dataSource = new HikariDataSource(config);
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.paid = new MockPaidServer().start().recordedRequestLimit(1000);
		for (int i = 0; i < CUSTOMERS; i++) {
			this.paid.seedCustomer("Customer " + i, "c" + i);
		}
		this.client = WebClientPaidClient.builder()
			.baseUrl(this.paid.baseUrl())
			.apiKey(this.paid.apiKey())
			.retryPolicy(PaidRetryPolicy.none())
			.build();
	}

	/**
	 * Runs the benchmark.
	 * @param args see the class description
	 */
	public static void main(String[] args) throws Exception {
		// outside Spring Boot, Logback would log everything at DEBUG to the console and skew the figures
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		String scenario = arg(args, "scenario", "all");
		String url = url(args);
		System.out.printf(Locale.ROOT, "Outbox benchmark: %d cores, Java %s, max heap %d MB, PostgreSQL %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.version(),
				Runtime.getRuntime().maxMemory() / (1024 * 1024), url.replaceAll("\\?.*", ""));
		if (scenario.equals("cost")) {
			OutboxCostScenario.run(url, args);
			return;
		}
		OutboxBenchmark benchmark = new OutboxBenchmark(url, null);
		try {
			benchmark.createSchema();
			benchmark.warmUp();
			if (scenario.equals("all") || scenario.equals("enqueue")) {
				benchmark.enqueueOverhead(Integer.parseInt(arg(args, "transactions", "4000")));
				benchmark.jpaEnqueueOverhead(Integer.parseInt(arg(args, "transactions", "4000")));
			}
			if (scenario.equals("all") || scenario.equals("latency")) {
				benchmark.latency(200, Integer.parseInt(arg(args, "seconds", "20")));
			}
			if (scenario.equals("all") || scenario.equals("drain")) {
				int rows = Integer.parseInt(arg(args, "drain-rows", "100000"));
				for (String latency : arg(args, "drain-latencies", "0,20").split(",")) {
					benchmark.drain(rows, Duration.ofMillis(Long.parseLong(latency.trim())));
				}
			}
			if (scenario.equals("heap")) {
				benchmark.heap(Integer.parseInt(arg(args, "heap-rows", "1000000")));
			}
		}
		finally {
			benchmark.close();
		}
	}

	static String url(String[] args) {
		return arg(args, "url", System.getenv().getOrDefault("PAID_TEST_POSTGRESQL_URL",
				"jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
	}

	void createSchema() {
		new ResourceDatabasePopulator(new ClassPathResource("ai/paid/spring/outbox/schema-postgresql.sql"))
			.execute(this.dataSource);
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS bench_item (id BIGSERIAL PRIMARY KEY, customer VARCHAR(64) "
				+ "NOT NULL, name VARCHAR(200) NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
		reset();
	}

	/** Runs every code path for a while first, so that the JIT has compiled it before anything is measured. */
	void warmUp() throws InterruptedException {
		long start = System.nanoTime();
		PrintStream out = System.out;
		System.setOut(new PrintStream(OutputStream.nullOutputStream()));
		try {
			drain(10_000, Duration.ZERO);
			latency(200, 3);
		}
		finally {
			System.setOut(out);
		}
		System.out.printf(Locale.ROOT, "(warm-up: %.1f s, not reported)%n", (System.nanoTime() - start) / 1e9);
	}

	void reset() {
		this.jdbc.execute("TRUNCATE TABLE paid_sync_outbox, paid_sync_lane, bench_item");
	}

	private OutboxDispatcher dispatcher() {
		return dispatcher(OutboxDispatcherSettings.defaults());
	}

	OutboxDispatcher dispatcher(OutboxDispatcherSettings settings) {
		OutboxDeliveryHandler handler = new OutboxDeliveryHandler() {

			@Override
			public String entityType() {
				return "CUSTOMER";
			}

			@Override
			public Mono<DeliveryOutcome> deliver(OutboxRecord record) {
				return OutboxBenchmark.this.client
					.updateCustomerByExternalId(record.lane(), new UpdateCustomerRequest(record.payload(), null,
							null, null, null, null, null, null, null, null, null, null))
					.doOnSuccess((customer) -> {
						OutboxBenchmark.this.delivered.incrementAndGet();
						OutboxBenchmark.this.onDelivered.accept(record);
					})
					.then(Mono.empty());
			}

		};
		ApplicationEventPublisher events = (event) -> {
		};
		return new OutboxDispatcher(this.dataSource, List.of(handler), settings, OutboxObserver.NONE, events);
	}

	JdbcPaidOutbox outbox(Consumer<Set<String>> wake) {
		return new JdbcPaidOutbox(this.dataSource, null, OutboxObserver.NONE, wake);
	}

	/** (a) a small insert transaction with and without an outbox message, interleaved. */
	private void enqueueOverhead(int transactions) {
		reset();
		OutboxDispatcher dispatcher = dispatcher();
		dispatcher.start();
		JdbcPaidOutbox outbox = outbox(dispatcher);
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		long[] plain = new long[transactions];
		long[] withOutbox = new long[transactions];
		for (int i = -500; i < transactions; i++) { // 500 warm-up rounds
			String customer = "c" + ThreadLocalRandom.current().nextInt(CUSTOMERS);
			long start = System.nanoTime();
			tx.executeWithoutResult((status) -> insertItem(customer));
			long middle = System.nanoTime();
			tx.executeWithoutResult((status) -> {
				insertItem(customer);
				outbox.enqueue(new OutboxMessage(customer, "CUSTOMER", customer, OutboxOperation.UPSERT, "Item"));
			});
			long end = System.nanoTime();
			if (i >= 0) {
				plain[i] = middle - start;
				withOutbox[i] = end - middle;
			}
		}
		dispatcher.stop();
		long plainMedian = median(plain);
		long outboxMedian = median(withOutbox);
		System.out.printf(Locale.ROOT,
				"(a) enqueue overhead, %d JDBC insert transactions each: median %.3f ms without outbox, %.3f ms with "
						+ "(ratio %.2f; p99 %.3f vs %.3f ms)%n",
				transactions, plainMedian / 1e6, outboxMedian / 1e6, (double) outboxMedian / plainMedian,
				percentile(plain, 0.99) / 1e6, percentile(withOutbox, 0.99) / 1e6);
	}

	/** (a) the same with JPA: a transaction persisting one small entity, with and without an outbox message. */
	private void jpaEnqueueOverhead(int transactions) {
		reset();
		OutboxDispatcher dispatcher = dispatcher();
		dispatcher.start();
		JdbcPaidOutbox outbox = outbox(dispatcher);
		LocalContainerEntityManagerFactoryBean factory = entityManagerFactory();
		EntityManagerFactory entityManagerFactory = factory.getObject();
		TransactionTemplate tx = new TransactionTemplate(new JpaTransactionManager(entityManagerFactory));
		long[] plain = new long[transactions];
		long[] withOutbox = new long[transactions];
		try {
			for (int i = -500; i < transactions; i++) { // 500 warm-up rounds
				String customer = "c" + ThreadLocalRandom.current().nextInt(CUSTOMERS);
				long start = System.nanoTime();
				tx.executeWithoutResult((status) -> persistItem(entityManagerFactory, customer));
				long middle = System.nanoTime();
				tx.executeWithoutResult((status) -> {
					persistItem(entityManagerFactory, customer);
					outbox.enqueue(new OutboxMessage(customer, "CUSTOMER", customer, OutboxOperation.UPSERT, "Item"));
				});
				long end = System.nanoTime();
				if (i >= 0) {
					plain[i] = middle - start;
					withOutbox[i] = end - middle;
				}
			}
		}
		finally {
			dispatcher.stop();
			factory.destroy();
		}
		long plainMedian = median(plain);
		long outboxMedian = median(withOutbox);
		System.out.printf(Locale.ROOT,
				"(a) enqueue overhead, %d JPA persist transactions each: median %.3f ms without outbox, %.3f ms with "
						+ "(ratio %.2f; p99 %.3f vs %.3f ms)%n",
				transactions, plainMedian / 1e6, outboxMedian / 1e6, (double) outboxMedian / plainMedian,
				percentile(plain, 0.99) / 1e6, percentile(withOutbox, 0.99) / 1e6);
	}

	/** Hibernate on the benchmark's pool, for {@link BenchItem}; destroy it after use. */
	LocalContainerEntityManagerFactoryBean entityManagerFactory() {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(this.dataSource);
		factory.setPackagesToScan(BenchItem.class.getPackageName());
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.afterPropertiesSet();
		return factory;
	}

	static void persistItem(EntityManagerFactory entityManagerFactory, String customer) {
		EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory)
			.persist(new BenchItem(customer, "Item"));
	}

	private void insertItem(String customer) {
		this.jdbc.update("INSERT INTO bench_item (customer, name) VALUES (?, ?)", customer, "Item");
	}

	/** (b) commit-to-delivery latency at a steady commit rate. */
	private void latency(int commitsPerSecond, int seconds) throws InterruptedException {
		reset();
		OutboxDispatcher dispatcher = dispatcher();
		dispatcher.start();
		JdbcPaidOutbox outbox = outbox(dispatcher);
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		int total = commitsPerSecond * seconds;
		LatencyRecorder latencies = new LatencyRecorder(total);
		this.onDelivered = (record) -> {
			Long committed = this.committedAt.remove(record.payload());
			if (committed != null) {
				latencies.record(System.nanoTime() - committed);
			}
		};
		long interval = 1_000_000_000L / commitsPerSecond;
		long next = System.nanoTime();
		long warmupEnd = next + 2_000_000_000L;
		int measured = 0;
		long sequence = 0;
		while (measured < total) {
			long now = System.nanoTime();
			if (now < next) {
				Thread.sleep(Math.max(0, (next - now) / 1_000_000), (int) ((next - now) % 1_000_000));
				continue;
			}
			next += interval;
			String customer = "c" + ThreadLocalRandom.current().nextInt(CUSTOMERS);
			String payload = "commit-" + (sequence++);
			boolean measure = now >= warmupEnd;
			tx.executeWithoutResult((status) -> {
				if (measure) {
					// registered before the outbox's own synchronization, so its afterCommit runs first: the clock
					// starts at commit, before the dispatcher is woken
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

						@Override
						public void afterCommit() {
							OutboxBenchmark.this.committedAt.put(payload, System.nanoTime());
						}

					});
				}
				insertItem(customer);
				// a distinct entity per commit, so that no commit is coalesced into another one's row
				outbox.enqueue(new OutboxMessage(customer, "CUSTOMER", payload, OutboxOperation.UPSERT, payload));
			});
			if (measure) {
				measured++;
			}
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!this.committedAt.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		this.onDelivered = (record) -> {
		};
		dispatcher.stop();
		LatencyRecorder.Summary summary = latencies.summarize();
		System.out.printf(Locale.ROOT,
				"(b) commit-to-delivery at %d commits/s for %d s: %d delivered, p50 %.1f ms, p99 %.1f ms, "
						+ "p99.9 %.1f ms, max %.1f ms (%d not delivered within 10 s of the last commit)%n",
				commitsPerSecond, seconds, summary.count(), summary.p50Nanos() / 1e6, summary.p99Nanos() / 1e6,
				summary.p999Nanos() / 1e6, summary.maxNanos() / 1e6, this.committedAt.size());
		this.committedAt.clear();
	}

	/** (c) drain a backlog across many customers, optionally with added Paid latency. */
	private void drain(int rows, Duration paidLatency) throws InterruptedException {
		reset();
		backlog(rows);
		this.paid.latency(paidLatency);
		OutboxDispatcher dispatcher = dispatcher();
		this.delivered.set(0);
		long start = System.nanoTime();
		dispatcher.start();
		long deadline = start + 600_000_000_000L;
		while (this.delivered.get() < rows && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		long elapsed = System.nanoTime() - start;
		dispatcher.stop();
		this.paid.latency(Duration.ZERO);
		Long left = this.jdbc.queryForObject("SELECT COUNT(*) FROM paid_sync_outbox", Long.class);
		System.out.printf(Locale.ROOT,
				"(c) drain of %,d rows across %,d customers with %d ms Paid latency: %.1f s, %,.0f rows/s (%d rows left)%n",
				rows, Math.min(rows, CUSTOMERS), paidLatency.toMillis(), elapsed / 1e9, this.delivered.get() / (elapsed / 1e9),
				left);
	}

	private void backlog(int rows) {
		backlog(rows, CUSTOMERS);
	}

	/** Writes a committed backlog directly (as if many transactions had committed while the dispatcher was down). */
	void backlog(int rows, int customers) {
		this.jdbc.update("INSERT INTO paid_sync_outbox (lane_key, entity_type, entity_id, op, payload) "
				+ "SELECT 'c' || (g % ?), 'CUSTOMER', 'c' || (g % ?) || '-' || g, 'UPSERT', 'Customer ' || g "
				+ "FROM generate_series(0, ? - 1) g ORDER BY g", customers, customers, rows);
		this.jdbc.update("INSERT INTO paid_sync_lane (lane_key, enq_seq, pending_since) "
				+ "SELECT DISTINCT lane_key, 1, now() FROM paid_sync_outbox");
		this.jdbc.execute("ANALYZE paid_sync_outbox");
		this.jdbc.execute("ANALYZE paid_sync_lane");
	}

	/** (d) largest used heap while draining a big backlog. */
	private void heap(int rows) throws InterruptedException {
		reset();
		backlog(rows);
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long baseline = memory.getHeapMemoryUsage().getUsed();
		OutboxDispatcher dispatcher = dispatcher();
		this.delivered.set(0);
		long start = System.nanoTime();
		long maxUsed = 0;
		dispatcher.start();
		long deadline = start + 1_800_000_000_000L;
		while (this.delivered.get() < rows && System.nanoTime() < deadline) {
			Thread.sleep(50);
			maxUsed = Math.max(maxUsed, memory.getHeapMemoryUsage().getUsed());
		}
		long elapsed = System.nanoTime() - start;
		dispatcher.stop();
		System.out.printf(Locale.ROOT,
				"(d) drained %,d of %,d rows in %.1f s (%,.0f rows/s) with max heap %d MB: max used heap %d MB "
						+ "(%d MB before the drain)%n",
				this.delivered.get(), rows, elapsed / 1e9, this.delivered.get() / (elapsed / 1e9),
				Runtime.getRuntime().maxMemory() / (1024 * 1024), maxUsed / (1024 * 1024), baseline / (1024 * 1024));
	}

	/** Rows the mock Paid server has acknowledged since the last {@link #resetDelivered()}. */
	long delivered() {
		return this.delivered.get();
	}

	void resetDelivered() {
		this.delivered.set(0);
	}

	void paidLatency(Duration latency) {
		this.paid.latency(latency);
	}

	void close() {
		this.paid.stop();
		this.dataSource.close();
	}

	private static long median(long[] values) {
		return percentile(values, 0.5);
	}

	private static long percentile(long[] values, double p) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
	}

	static String arg(String[] args, String name, String fallback) {
		String prefix = "--" + name + "=";
		List<String> values = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				values.add(arg.substring(prefix.length()));
			}
		}
		return values.isEmpty() ? fallback : values.get(values.size() - 1);
	}

}
