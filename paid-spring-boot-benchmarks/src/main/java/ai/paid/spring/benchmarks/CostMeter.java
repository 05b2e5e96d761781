package ai.paid.spring.benchmarks;

// Why this class is long: over 300 lines because the snapshot, the difference of two snapshots and the printed report
// of that difference are one job read in that order.

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Measures what a phase of the benchmark cost, in figures that the machine's noise barely moves: JDBC executions,
 * statements, commits and round trips (from {@link JdbcCostCounter}), the JVM's process CPU time (split by thread:
 * the dispatcher's database threads, the Paid client's event loop (which also runs the outbox's per-row delivery
 * callbacks), the in-process mock Paid server's, the JIT compiler's, the rest; what no thread accounts for is
 * the JVM's own, the garbage collector's mostly), the CPU time of the PostgreSQL backends serving the benchmark's pool (from {@code /proc}, as the
 * database runs on this machine), and optionally {@code pg_stat_database}'s transaction counters as a cross-check.
 * <p>
 * It keeps its own connection, outside the counted pool, for its queries.
 */
final class CostMeter implements AutoCloseable {

	/** {@code application_name} of the benchmark's pooled connections, to find their backends. */
	static final String APPLICATION_NAME = "paid-outbox-benchmark";

	private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

	private final JdbcCostCounter counter;

	private final String url;

	private @Nullable Connection connection;

	private final boolean pgStatDatabase;

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	/**
	 * @param pgStatDatabase whether to read {@code pg_stat_database} too; that costs about 11 s around each phase,
	 * as idle backends publish their counters only every 10 s
	 */
	CostMeter(JdbcCostCounter counter, String url, boolean pgStatDatabase) throws SQLException {
		this.counter = counter;
		this.url = url;
		this.pgStatDatabase = pgStatDatabase;
		connection();
	}

	/** Whether each phase waits for {@code pg_stat_database} (then measure few, long phases). */
	boolean slow() {
		return this.pgStatDatabase;
	}

	/** Starts measuring a phase. */
	Mark start() {
		awaitPublishedStatistics();
		return new Mark(snapshot());
	}

	private void awaitPublishedStatistics() {
		if (this.pgStatDatabase) {
			try {
				Thread.sleep(11_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private Snapshot snapshot() {
		// the database's figures first: the meter's own queries then fall outside the JVM's figures that follow
		long[] transactions = this.pgStatDatabase ? transactions() : new long[] { -1, -1 };
		Map<Long, Long> backendCpu = backendCpuNanos();
		int otherBackends = otherBackends();
		Map<Long, String> names = new HashMap<>();
		Map<Long, Long> cpu = new HashMap<>();
		for (ThreadInfo info : this.threads.getThreadInfo(this.threads.getAllThreadIds())) {
			if (info != null) {
				long time = this.threads.getThreadCpuTime(info.getThreadId());
				if (time >= 0) {
					names.put(info.getThreadId(), info.getThreadName());
					cpu.put(info.getThreadId(), time);
				}
			}
		}
		return new Snapshot(System.nanoTime(), this.counter.snapshot(), this.os.getProcessCpuTime(), names, cpu,
				backendCpu, transactions[0], transactions[1], otherBackends);
	}

	/** The meter's connection, opened again when a test that terminates backends closed it. */
	private Connection connection() throws SQLException {
		Connection connection = this.connection;
		if (connection == null || !connection.isValid(2)) {
			if (connection != null) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// replaced below
				}
			}
			connection = DriverManager.getConnection(this.url);
			this.connection = connection;
		}
		return connection;
	}

	private long[] transactions() {
		try (Statement statement = connection().createStatement()) {
			statement.execute("SELECT pg_stat_clear_snapshot()");
			try (ResultSet rs = statement.executeQuery("SELECT xact_commit, xact_rollback FROM pg_stat_database "
					+ "WHERE datname = current_database()")) {
				rs.next();
				return new long[] { rs.getLong(1), rs.getLong(2) };
			}
		}
		catch (SQLException ex) {
			return new long[] { -1, -1 };
		}
	}

	/**
	 * CPU time of each backend serving the benchmark's pool, by process id (empty when {@code /proc} does not show
	 * them).
	 */
	private Map<Long, Long> backendCpuNanos() {
		Map<Long, Long> cpu = new HashMap<>();
		for (long pid : backendPids()) {
			try {
				String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
				// fields after the command name in parentheses: state is field 3, utime 14, stime 15
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				cpu.put(pid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * CLOCK_TICK_NANOS);
			}
			catch (IOException | RuntimeException ex) {
				// ended meanwhile, or not on this machine
			}
		}
		return cpu;
	}

	private List<Long> backendPids() {
		List<Long> pids = new ArrayList<>();
		try (Statement statement = connection().createStatement();
				ResultSet rs = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '"
						+ APPLICATION_NAME + "' AND datname = current_database()")) {
			while (rs.next()) {
				pids.add(rs.getLong(1));
			}
		}
		catch (SQLException ex) {
			// no figure then
		}
		return pids;
	}

	/** Other client connections to the benchmark's database: they move {@code pg_stat_database}'s counters too. */
	private int otherBackends() {
		try (Statement statement = connection().createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = "
						+ "current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() "
						+ "AND application_name IS DISTINCT FROM '" + APPLICATION_NAME + "'")) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	@Override
	public void close() throws SQLException {
		Connection connection = this.connection;
		if (connection != null) {
			connection.close();
		}
	}

	private record Snapshot(long nanoTime, JdbcCostCounter.Counts jdbc, long processCpu, Map<Long, String> names,
			Map<Long, Long> threadCpu, Map<Long, Long> backendCpu, long xactCommit, long xactRollback, int otherBackends) {

	}

	/** A phase being measured. */
	final class Mark {

		private final Snapshot start;

		private Mark(Snapshot start) {
			this.start = start;
		}

		/** Ends the phase (call it before stopping threads whose CPU time should count). */
		Cost stop() {
			Snapshot end = snapshot();
			Map<String, Long> byGroup = new LinkedHashMap<>();
			for (String group : List.of("dispatcher", "client loop", "mock server", "main", "jit", "other threads")) {
				byGroup.put(group, 0L);
			}
			long threadTotal = 0;
			for (Map.Entry<Long, Long> thread : end.threadCpu().entrySet()) {
				long delta = thread.getValue() - this.start.threadCpu().getOrDefault(thread.getKey(), 0L);
				threadTotal += delta;
				byGroup.merge(group(end.names().get(thread.getKey())), delta, Long::sum);
			}
			long processCpu = end.processCpu() - this.start.processCpu();
			// threads that ended during the phase are missing from both ends: their time lands here too
			byGroup.put("gc and vm", processCpu - threadTotal);
			Snapshot published = end;
			if (CostMeter.this.pgStatDatabase) {
				awaitPublishedStatistics();
				long[] transactions = transactions();
				published = new Snapshot(end.nanoTime(), end.jdbc(), end.processCpu(), end.names(), end.threadCpu(),
						end.backendCpu(), transactions[0], transactions[1], end.otherBackends());
			}
			long backendCpu = -1;
			if (!end.backendCpu().isEmpty()) {
				// a backend that ended during the phase (terminated by a test, say) is missing: then a lower bound
				backendCpu = 0;
				for (Map.Entry<Long, Long> backend : end.backendCpu().entrySet()) {
					backendCpu += backend.getValue() - this.start.backendCpu().getOrDefault(backend.getKey(), 0L);
				}
			}
			boolean backendsReplaced = !end.backendCpu().keySet().containsAll(this.start.backendCpu().keySet());
			return new Cost(end.nanoTime() - this.start.nanoTime(), end.jdbc().minus(this.start.jdbc()), processCpu,
					byGroup, backendCpu, backendsReplaced,
					(published.xactCommit() < 0) ? -1 : published.xactCommit() - this.start.xactCommit(),
					(published.xactRollback() < 0) ? -1 : published.xactRollback() - this.start.xactRollback(),
					Math.max(this.start.otherBackends(), end.otherBackends()));
		}

		private static String group(@Nullable String thread) {
			if (thread == null) {
				return "other threads";
			}
			if (thread.startsWith("paid-outbox-")) {
				return "dispatcher";
			}
			if (thread.startsWith("paid-mock-")) {
				return "mock server";
			}
			if (thread.startsWith("reactor-") || thread.startsWith("parallel-")) {
				// WebClient's event loop, where each answer also runs the outbox's next-row delivery
				return "client loop";
			}
			if (thread.contains("CompilerThread")) {
				return "jit";
			}
			return thread.equals("main") ? "main" : "other threads";
		}

	}

	/**
	 * What a phase cost.
	 *
	 * @param elapsedNanos wall time
	 * @param jdbc what the counted pool asked of the database
	 * @param processCpuNanos the JVM's CPU time
	 * @param cpuByGroup the JVM's CPU time by thread group
	 * @param backendCpuNanos CPU time of the pool's PostgreSQL backends, or -1
	 * @param backendsReplaced whether some backend ended during the phase (its CPU time is then missing)
	 * @param xactCommit {@code pg_stat_database.xact_commit} delta for the database, or -1
	 * @param xactRollback {@code pg_stat_database.xact_rollback} delta, or -1
	 * @param otherBackends other client connections to the database seen during the phase
	 */
	record Cost(long elapsedNanos, JdbcCostCounter.Counts jdbc, long processCpuNanos, Map<String, Long> cpuByGroup,
			long backendCpuNanos, boolean backendsReplaced, long xactCommit, long xactRollback, int otherBackends) {

		/** This phase and another one measured apart, as one (e.g. alternating blocks of the same work). */
		Cost plus(Cost other) {
			Map<String, Long> groups = new LinkedHashMap<>(this.cpuByGroup);
			other.cpuByGroup.forEach((group, nanos) -> groups.merge(group, nanos, Long::sum));
			return new Cost(this.elapsedNanos + other.elapsedNanos, this.jdbc.plus(other.jdbc),
					this.processCpuNanos + other.processCpuNanos, groups,
					(this.backendCpuNanos < 0 || other.backendCpuNanos < 0) ? -1
							: this.backendCpuNanos + other.backendCpuNanos,
					this.backendsReplaced || other.backendsReplaced,
					(this.xactCommit < 0 || other.xactCommit < 0) ? -1 : this.xactCommit + other.xactCommit,
					(this.xactRollback < 0 || other.xactRollback < 0) ? -1 : this.xactRollback + other.xactRollback,
					Math.max(this.otherBackends, other.otherBackends));
		}

		/** Prints the figures per unit (delivered row, transaction) and the statements that dominate. */
		void print(String label, String unit, long units, @Nullable Double rate) {
			double n = Math.max(1, units);
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[cost] %s: %,d %ss in %.1f s", label,
					units, unit, this.elapsedNanos / 1e9));
			if (rate != null) {
				line.append(String.format(Locale.ROOT, ", %,.0f %ss/s", rate, unit));
			}
			System.out.println(line);
			System.out.printf(Locale.ROOT,
					"[cost]   per %s: %.2f round trips (%.2f executions + %.2f commits + %.2f rollbacks + %.2f "
							+ "validity checks), %.2f statements, %.2f server transactions (%.2f auto-commit)%n",
					unit, this.jdbc.roundTrips() / n, this.jdbc.executions() / n, this.jdbc.commits() / n,
					this.jdbc.rollbacks() / n, this.jdbc.validations() / n, this.jdbc.statements() / n,
					this.jdbc.serverTransactions() / n, this.jdbc.autoCommitExecutions() / n);
			StringBuilder cpu = new StringBuilder();
			this.cpuByGroup.forEach((group, nanos) -> cpu.append(cpu.isEmpty() ? "" : ", ")
				.append(String.format(Locale.ROOT, "%s %.0f", group, nanos / 1e3 / n)));
			System.out.printf(Locale.ROOT, "[cost]   per %s: JVM CPU %.0f µs (%s); PostgreSQL backends CPU %s%n", unit,
					this.processCpuNanos / 1e3 / n, cpu,
					(this.backendCpuNanos < 0) ? "n/a"
							: String.format(Locale.ROOT, "%.0f µs%s", this.backendCpuNanos / 1e3 / n,
									this.backendsReplaced ? " (at least: some backends ended during the phase)" : ""));
			if (this.xactCommit >= 0) {
				System.out.printf(Locale.ROOT,
						"[cost]   per %s: pg_stat_database %.2f commits + %.2f rollbacks (the whole database: %d "
								+ "other client connections were open)%n",
						unit, this.xactCommit / n, this.xactRollback / n, this.otherBackends);
			}
			this.jdbc.byShape()
				.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.limit(12)
				.forEach((shape) -> System.out.printf(Locale.ROOT, "[cost]     %7.3f x %s%n", shape.getValue() / n,
						shape.getKey()));
		}

	}

}
