package ai.paid.spring.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts what the outbox asks of the database, as seen by the JDBC driver (installed below the connection pool, so
 * that the pool's own calls count too): executions (one per {@code execute*} call, a batch being one), statements
 * (a batch counting its size), commits and rollbacks, executions in auto-commit mode (each one a transaction of its
 * own on the server) and validity checks. With PgJDBC every execution, commit, rollback and validity check is one
 * network round trip ({@code BEGIN} travels with the first statement of a transaction, and a batch is sent as one
 * message), so their sum is the round-trip count. Executions are also counted per statement shape (the SQL text
 * with literal id lists folded), to show which statements dominate.
 */
final class JdbcCostCounter implements QueryExecutionListener, MethodExecutionListener {

	private static final Pattern LIST = Pattern.compile("\\(\\s*[?0-9][?0-9,\\s]*\\)");

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private final LongAdder executions = new LongAdder();

	private final LongAdder statements = new LongAdder();

	private final LongAdder autoCommitExecutions = new LongAdder();

	private final LongAdder commits = new LongAdder();

	private final LongAdder rollbacks = new LongAdder();

	private final LongAdder validations = new LongAdder();

	private final Map<String, LongAdder> byShape = new ConcurrentHashMap<>();

	private final Map<String, String> shapes = new ConcurrentHashMap<>();

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		this.executions.increment();
		int count = execution.isBatch() ? Math.max(1, execution.getBatchSize()) : 1;
		this.statements.add(count);
		if (autoCommit(execution)) {
			this.autoCommitExecutions.increment();
		}
		if (!queries.isEmpty()) {
			String sql = queries.get(0).getQuery();
			String shape = this.shapes.computeIfAbsent(sql, JdbcCostCounter::shape);
			this.byShape.computeIfAbsent(execution.isBatch() ? "[batch] " + shape : shape, (key) -> new LongAdder())
				.increment();
		}
	}

	private static boolean autoCommit(ExecutionInfo execution) {
		try {
			return execution.getStatement().getConnection().getAutoCommit();
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	static String shape(String sql) {
		String folded = SPACE.matcher(LIST.matcher(sql).replaceAll("(..)")).replaceAll(" ").trim();
		return (folded.length() > 110) ? folded.substring(0, 110) + "…" : folded;
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void beforeMethod(MethodExecutionContext context) {
		if (!(context.getTarget() instanceof Connection)) {
			return;
		}
		switch (context.getMethod().getName()) {
			case "commit" -> this.commits.increment();
			case "rollback" -> this.rollbacks.increment();
			case "isValid" -> this.validations.increment();
			default -> {
			}
		}
	}

	@Override
	public void afterMethod(MethodExecutionContext context) {
	}

	/** The counts so far. */
	Counts snapshot() {
		Map<String, Long> shapeCounts = new TreeMap<>();
		this.byShape.forEach((shape, count) -> shapeCounts.put(shape, count.sum()));
		return new Counts(this.executions.sum(), this.statements.sum(), this.autoCommitExecutions.sum(),
				this.commits.sum(), this.rollbacks.sum(), this.validations.sum(), shapeCounts);
	}

	/**
	 * Counters at one moment.
	 *
	 * @param executions {@code execute*} calls, a batch counting once
	 * @param statements statements, a batch counting its size
	 * @param autoCommitExecutions executions outside a transaction
	 * @param commits {@code Connection.commit()} calls
	 * @param rollbacks {@code Connection.rollback()} calls
	 * @param validations {@code Connection.isValid()} calls (the pool's checks)
	 * @param byShape executions per statement shape
	 */
	record Counts(long executions, long statements, long autoCommitExecutions, long commits, long rollbacks,
			long validations, Map<String, Long> byShape) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, Map.of());

		Counts minus(Counts earlier) {
			Map<String, Long> shapes = new TreeMap<>();
			this.byShape.forEach((shape, count) -> {
				long delta = count - earlier.byShape.getOrDefault(shape, 0L);
				if (delta != 0) {
					shapes.put(shape, delta);
				}
			});
			return new Counts(this.executions - earlier.executions, this.statements - earlier.statements,
					this.autoCommitExecutions - earlier.autoCommitExecutions, this.commits - earlier.commits,
					this.rollbacks - earlier.rollbacks, this.validations - earlier.validations, shapes);
		}

		Counts plus(Counts other) {
			Map<String, Long> shapes = new TreeMap<>(this.byShape);
			other.byShape.forEach((shape, count) -> shapes.merge(shape, count, Long::sum));
			return new Counts(this.executions + other.executions, this.statements + other.statements,
					this.autoCommitExecutions + other.autoCommitExecutions, this.commits + other.commits,
					this.rollbacks + other.rollbacks, this.validations + other.validations, shapes);
		}

		/** Network round trips with PgJDBC. */
		long roundTrips() {
			return this.executions + this.commits + this.rollbacks + this.validations;
		}

		/** Transactions the server ran: explicit ones plus one per auto-commit execution. */
		long serverTransactions() {
			return this.commits + this.rollbacks + this.autoCommitExecutions;
		}

	}

}
