package ai.paid.spring.outbox;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeliveryFailureLog}: what one lane's failures write, and how little an outage of thousands of
 * lanes writes.
 */
class DeliveryFailureLogTests {

	private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final MutableClock clock = new MutableClock();

	private final DeliveryFailureLog log = new DeliveryFailureLog(recordingLog(), this.clock, Duration.ofMinutes(1),
			Duration.ofMinutes(11), () -> new OutboxBacklog(12_000, 10_000, 0, Duration.ofMinutes(42), null));

	private final DeliveryFailure unavailable = new DeliveryFailure(DeliveryFailure.Kind.RETRYABLE, 503,
			"PaidApiException: Paid answered 503 Service Unavailable (Paid is down for maintenance)", null);

	private final FailurePolicy.Decision retry = FailurePolicy.Decision.retry("retry", true, true,
			Duration.ofSeconds(2));

	@Test
	void aLanesFirstFailureIsOneWarningWithEntityLaneStatusAndPaidsMessage() {
		this.log.retrying("cust:acme-1", row("acme-1", 0, false), this.unavailable, this.retry);
		assertThat(this.lines).singleElement()
			.isEqualTo("WARN Paid outbox could not deliver CUSTOMER acme-1 (UPSERT) in lane cust:acme-1: HTTP 503: "
					+ "PaidApiException: Paid answered 503 Service Unavailable (Paid is down for maintenance); "
					+ "retrying in 2.0 s (further failures of this lane are logged at DEBUG, with a summary every "
					+ "60 s while deliveries fail)");
	}

	@Test
	void laterRetriesOfTheSameLaneAreDebugOnly() {
		this.log.retrying("cust:acme-1", row("acme-1", 0, false), this.unavailable, this.retry);
		for (int failures = 1; failures < 8; failures++) {
			this.log.retrying("cust:acme-1", row("acme-1", failures, true), this.unavailable, this.retry);
		}
		assertThat(this.lines).filteredOn((line) -> line.startsWith("WARN")).hasSize(1);
		assertThat(this.lines).filteredOn((line) -> line.startsWith("DEBUG")).hasSize(7);
	}

	@Test
	void aTransportErrorSaysNoResponse() {
		DeliveryFailure refused = new DeliveryFailure(DeliveryFailure.Kind.RETRYABLE, 0,
				"PaidApiException: Connection refused: /127.0.0.1:9", null);
		this.log.retrying("cust:acme-1", row("acme-1", 0, false), refused, this.retry);
		assertThat(this.lines).singleElement()
			.asString()
			.contains("in lane cust:acme-1: no response: PaidApiException: Connection refused: /127.0.0.1:9");
	}

	@Test
	void aParkedLaneIsAnErrorWithTheStatusAndReason() {
		OutboxRecord record = row("acme-1", 3, true).record();
		this.log.parked("cust:acme-1", record, new PaidLaneParkedEvent("cust:acme-1", "CUSTOMER", "acme-1",
				OutboxOperation.UPSERT, "defaultCurrency must be an ISO 4217 code", 400));
		assertThat(this.lines).singleElement()
			.asString()
			.startsWith("ERROR Paid outbox parked lane cust:acme-1 at CUSTOMER acme-1 (UPSERT) (HTTP 400): "
					+ "defaultCurrency must be an ISO 4217 code. The lane's later rows wait");
	}

	@Test
	void theBreakerOpeningAndClosingAreOneWarningEach() {
		for (int i = 0; i < 5; i++) {
			this.log.breakerOpened(this.unavailable, Duration.ofSeconds(12));
		}
		this.clock.advance(Duration.ofMinutes(3));
		this.log.breakerClosed();
		this.log.breakerClosed();
		assertThat(this.lines).hasSize(2);
		assertThat(this.lines.get(0)).startsWith("WARN Paid outbox circuit breaker opened: most recent deliveries "
				+ "to Paid failed (last: HTTP 503: PaidApiException: Paid answered 503")
			.contains("one probe every 12 s at most");
		assertThat(this.lines.get(1)).isEqualTo("WARN Paid outbox circuit breaker closed: Paid accepts deliveries "
				+ "again after 3 min; dispatching resumes");
	}

	@Test
	void anHourLongOutageOfTenThousandLanesWritesAboutALineAMinute() {
		FailurePolicy.Decision whileOpen = FailurePolicy.Decision.retry("breaker_open", false, true,
				Duration.ofSeconds(12));
		// before the breaker opens, every lane in flight fails once
		for (int lane = 0; lane < 64; lane++) {
			this.log.retrying("cust:" + lane, row(String.valueOf(lane), 0, false), this.unavailable, this.retry);
		}
		this.log.breakerOpened(this.unavailable, Duration.ofSeconds(12));
		// then one probe about every 12 s, each on another lane, and lanes that fail again
		for (int minute = 0; minute < 60; minute++) {
			for (int probe = 0; probe < 5; probe++) {
				int lane = 64 + minute * 5 + probe;
				this.log.retrying("cust:" + lane, row(String.valueOf(lane), 0, false), this.unavailable, whileOpen);
				this.log.retrying("cust:" + (lane % 64), row(String.valueOf(lane % 64), 1, true), this.unavailable,
						whileOpen);
				this.clock.advance(Duration.ofSeconds(12));
			}
			this.log.summarize();
		}
		List<String> written = this.lines.stream().filter((line) -> !line.startsWith("DEBUG")).toList();
		// 10 first failures, the breaker opening, and one summary a minute
		assertThat(written).hasSize(DeliveryFailureLog.LINES_PER_INTERVAL + 1 + 60);
		assertThat(written.get(DeliveryFailureLog.LINES_PER_INTERVAL + 1))
			.startsWith("WARN Paid outbox: deliveries to Paid are failing: 69 lane(s) retrying here")
			.contains("10000 lane(s) pending in the outbox, oldest pending 42 min, 0 parked")
			.contains("54 lane(s) began failing without a line of their own")
			.contains("circuit breaker open for 60 s")
			.contains("last error 12 s ago: HTTP 503: PaidApiException: Paid answered 503");
	}

	@Test
	void manyParksInOneIntervalAreCountedInTheSummary() {
		for (int lane = 0; lane < 500; lane++) {
			this.log.parked("cust:" + lane, row(String.valueOf(lane), 12, true).record(), new PaidLaneParkedEvent(
					"cust:" + lane, "CUSTOMER", String.valueOf(lane), OutboxOperation.UPSERT, "Gave up", 503));
		}
		this.log.retrying("cust:x", row("x", 0, false), this.unavailable, this.retry);
		this.log.summarize();
		assertThat(this.lines).filteredOn((line) -> line.startsWith("ERROR"))
			.hasSize(DeliveryFailureLog.LINES_PER_INTERVAL);
		assertThat(this.lines.get(this.lines.size() - 1)).contains("490 more lane(s) parked without a line of their own");
	}

	@Test
	void nothingIsSummarizedOnceEverythingIsDelivered() {
		this.log.retrying("cust:acme-1", row("acme-1", 0, false), this.unavailable, this.retry);
		this.log.summarize();
		this.log.delivered("cust:acme-1");
		this.log.summarize();
		this.log.summarize();
		assertThat(this.lines).hasSize(2);
		assertThat(this.lines.get(1)).startsWith("WARN Paid outbox: deliveries to Paid are failing: 1 lane(s)");
	}

	@Test
	void aLaneCountsAsRetryingWhileTheBreakerHoldsItBackAndIsForgottenOnceStaleAfterwards() {
		this.log.retrying("cust:a", row("a", 0, false), this.unavailable, this.retry);
		this.log.breakerOpened(this.unavailable, Duration.ofSeconds(12));
		this.clock.advance(Duration.ofMinutes(20));
		this.log.summarize();
		assertThat(this.lines.get(this.lines.size() - 1))
			.startsWith("WARN Paid outbox: deliveries to Paid are failing: 1 lane(s) retrying here (oldest change "
					+ "waiting 20 min)");
		this.log.breakerClosed();
		this.log.summarize();
		assertThat(this.lines.get(this.lines.size() - 1)).startsWith("WARN Paid outbox circuit breaker closed: Paid "
				+ "accepts deliveries again after 20 min;");
	}

	@Test
	void waitingForADependencyAndRateLimitsAreNotWarnings() {
		DeliveryFailure waiting = new DeliveryFailure(DeliveryFailure.Kind.HANDLER, 0, "customer not in Paid yet",
				null);
		this.log.retrying("cust:a", row("a", 0, false), waiting,
				FailurePolicy.Decision.retry("waiting", false, true, Duration.ofSeconds(1)));
		DeliveryFailure limited = new DeliveryFailure(DeliveryFailure.Kind.RATE_LIMITED, 429, "slow down",
				Duration.ofSeconds(1));
		this.log.retrying("cust:b", row("b", 0, false), limited,
				FailurePolicy.Decision.retry("rate_limited", false, false, Duration.ofSeconds(1)));
		assertThat(this.lines).allSatisfy((line) -> assertThat(line).startsWith("DEBUG"));
	}

	private PendingRow row(String id, int failures, boolean hadError) {
		OutboxRecord record = new OutboxRecord(1, "cust:" + id, "CUSTOMER", id, OutboxOperation.UPSERT, "{}",
				failures, START);
		return new PendingRow(record, 1, failures, START, hadError);
	}

	private Log recordingLog() {
		return (Log) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Log.class },
				(proxy, method, args) -> {
					String name = method.getName();
					if (name.startsWith("is")) {
						return true;
					}
					this.lines.add(name.toUpperCase() + " " + args[0]);
					return null;
				});
	}

	private static final class MutableClock extends Clock {

		private Instant now = START;

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
