package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.paid.spring.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lanes claimed with their head rows, and completions of several lanes recorded in one transaction, on a real database; one subclass per database.
 */
abstract class AbstractLaneBatchTests {

	private static final Map<Class<?>, IsolatedDatabase> databases = new ConcurrentHashMap<>();

	private JdbcTemplate jdbc;

	private TransactionTemplate transaction;

	private OutboxDialect dialect;

	private LaneClaimer claimer;

	private LaneReader reader;

	private LaneCompleter completer;

	protected abstract TestDatabase database();

	@BeforeEach
	void createTables() {
		IsolatedDatabase isolated = databases.computeIfAbsent(getClass(), (type) -> new IsolatedDatabase(database()));
		this.jdbc = new JdbcTemplate(isolated.dataSource());
		this.dialect = OutboxDialect.of(isolated.dataSource());
		new ResourceDatabasePopulator(new ClassPathResource("ai/paid/spring/outbox/schema-" + this.dialect.name()
				+ ".sql")).execute(isolated.dataSource());
		this.jdbc.execute("TRUNCATE TABLE paid_sync_outbox");
		this.jdbc.execute("TRUNCATE TABLE paid_sync_lane");
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(isolated.dataSource()));
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.reader = new LaneReader(this.jdbc, this.dialect, new DatabaseClock(java.time.Clock.systemUTC()));
		this.claimer = new LaneClaimer(this.jdbc, this.transaction, this.dialect, this.reader, "one",
				Duration.ofMinutes(1));
		this.completer = new LaneCompleter(this.jdbc, this.transaction, this.dialect);
	}

	@AfterAll
	static void dropDatabase() {
		databases.values().forEach(IsolatedDatabase::drop);
		databases.clear();
	}

	@Test
	void aClaimReadsEachLanesFirstRowsInOrderAndMarksThemStarted() {
		write("cust:a", "a1", "a2", "a3");
		write("cust:b", "b1");

		List<LaneClaimer.Claim> claims = this.claimer.claim(null, 10, 2)
			.stream()
			.sorted(java.util.Comparator.comparing((claim) -> claim.lane().key()))
			.toList();

		assertThat(claims).extracting((claim) -> claim.lane().key()).containsExactly("cust:a", "cust:b");
		List<List<PendingRow>> heads = claims.stream()
			.map((claim) -> (claim.head() != null) ? claim.head() : this.reader.startHead(claim.lane().key(), 2))
			.toList();
		assertThat(heads.get(0)).extracting((row) -> row.record().entityId()).containsExactly("a1", "a2");
		assertThat(heads.get(1)).extracting((row) -> row.record().entityId()).containsExactly("b1");
		assertThat(heads.get(0)).extracting((row) -> row.record().attempts()).containsOnly(0);
		assertThat(this.jdbc.queryForList("SELECT attempts FROM paid_sync_outbox ORDER BY entity_id", Integer.class))
			.containsExactly(1, 1, 0, 1);
		assertThat(claims).allSatisfy((claim) -> assertThat(claim.lane().enqueueSequence()).isEqualTo(1));
	}

	@Test
	void aBatchWhereOneLanesFencingFailsCompletesTheOthersAndNotThatOne() {
		write("cust:a", "a1", "a2");
		write("cust:b", "b1", "b2");
		write("cust:c", "c1", "c2");
		List<ClaimedLane> lanes = claimAll();
		List<LaneCompleter.Completion> completions = lanes.stream().map(this::deliverAll).toList();
		// another instance claimed b after our lease expired; c got a new row after our read
		this.jdbc.update("UPDATE paid_sync_lane SET lease_owner = 'two', lease_token = lease_token + 1 "
				+ "WHERE lane_key = 'cust:b'");
		write("cust:c", "c3");

		LaneCompleter.Result[] results = this.completer.completeAll(completions, 60_000);

		assertThat(results).containsExactly(LaneCompleter.Result.RELEASED, LaneCompleter.Result.LEASE_LOST,
				LaneCompleter.Result.CONTINUE);
		assertThat(pendingIds("cust:a")).isEmpty();
		assertThat(pendingIds("cust:b")).containsExactly("b1", "b2");
		assertThat(pendingIds("cust:c")).containsExactly("c3");
		assertThat(lane("cust:a")).containsExactly(null, false);
		assertThat(lane("cust:b")).containsExactly("two", true);
		assertThat(lane("cust:c")).containsExactly("one", true);
	}

	@Test
	void aLaneAWriterHoldsIsLeftForACompletionOfItsOwnWhileTheOthersComplete() throws Exception {
		write("cust:a", "a1");
		write("cust:b", "b1");
		List<ClaimedLane> lanes = claimAll();
		List<LaneCompleter.Completion> completions = lanes.stream().map(this::deliverAll).toList();
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService writer = Executors.newSingleThreadExecutor();
		try {
			Future<?> holding = writer.submit(() -> this.transaction.executeWithoutResult((status) -> {
				this.jdbc.queryForList("SELECT lane_key FROM paid_sync_lane WHERE lane_key = 'cust:a' FOR UPDATE");
				locked.countDown();
				await(release);
			}));
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

			LaneCompleter.Result[] results = this.completer.completeAll(completions, 60_000);

			assertThat(results).containsExactly(null, LaneCompleter.Result.RELEASED);
			assertThat(pendingIds("cust:b")).isEmpty();
			release.countDown();
			holding.get(10, TimeUnit.SECONDS);
			assertThat(this.completer.complete(completions.get(0), 60_000)).isEqualTo(LaneCompleter.Result.RELEASED);
			assertThat(pendingIds("cust:a")).isEmpty();
			assertThat(lane("cust:a")).containsExactly(null, false);
		}
		finally {
			release.countDown();
			writer.shutdownNow();
		}
	}

	private void write(String lane, String... entityIds) {
		OutboxWriter writer = new OutboxWriter(this.jdbc, this.dialect, OutboxObserver.NONE);
		this.transaction.executeWithoutResult((status) -> writer.write(List.of(entityIds)
			.stream()
			.map((id) -> new OutboxMessage(lane, "ORDER", id, OutboxOperation.UPSERT, "{}"))
			.toList()));
	}

	private List<ClaimedLane> claimAll() {
		List<ClaimedLane> lanes = this.claimer.claim(null, 10)
			.stream()
			.sorted(java.util.Comparator.comparing(ClaimedLane::key))
			.toList();
		assertThat(lanes).hasSizeGreaterThan(1);
		return lanes;
	}

	private LaneCompleter.Completion deliverAll(ClaimedLane lane) {
		List<PendingRow> rows = this.reader.startHead(lane.key(), 10);
		return new LaneCompleter.Completion(lane, LaneOutcome.done(rows, List.of()), true, true);
	}

	private List<String> pendingIds(String lane) {
		return this.jdbc.queryForList("SELECT entity_id FROM paid_sync_outbox WHERE lane_key = ? AND state = "
				+ OutboxRowState.PENDING + " ORDER BY id", String.class, lane);
	}

	/** Lease owner, and whether the lane is pending. */
	private List<Object> lane(String lane) {
		return this.jdbc.queryForObject("SELECT lease_owner, pending_since FROM paid_sync_lane WHERE lane_key = ?",
				(rs, i) -> java.util.Arrays.asList(rs.getString(1), rs.getTimestamp(2) != null), lane);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
