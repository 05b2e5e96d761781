package ai.paid.spring.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CircuitBreaker} and {@link BackoffPolicy}.
 */
class CircuitBreakerTests {

	private final MutableClock clock = new MutableClock();

	private final CircuitBreaker breaker = new CircuitBreaker(10, 4, 0.5, Duration.ofSeconds(30), this.clock);

	@Test
	void opensWhenMostRecentDeliveriesFailedAndAllowsOneProbePerInterval() {
		this.breaker.onSuccess();
		this.breaker.onFailure();
		this.breaker.onFailure();
		assertThat(this.breaker.isClosed()).isTrue();
		assertThat(this.breaker.onFailure()).isFalse();
		assertThat(this.breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.breaker.tryProbe()).isFalse();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.breaker.tryProbe()).isTrue();
		assertThat(this.breaker.tryProbe()).isFalse();
		assertThat(this.breaker.onFailure()).as("failures while open do not consume attempts").isTrue();
		assertThat(this.breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.breaker.tryProbe()).isTrue();
		this.breaker.onSuccess();
		assertThat(this.breaker.isClosed()).isTrue();
	}

	@Test
	void probesAreSpacedBetweenEightyAndAHundredPercentOfTheOpenDuration() {
		java.util.Set<Duration> waits = new java.util.HashSet<>();
		for (int i = 0; i < 4; i++) {
			this.breaker.onFailure();
		}
		for (int round = 0; round < 50; round++) {
			Duration wait = this.breaker.untilProbe();
			assertThat(wait).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(30));
			waits.add(wait);
			this.clock.advance(wait.minusMillis(1));
			assertThat(this.breaker.tryProbe()).isFalse();
			this.clock.advance(Duration.ofMillis(1));
			assertThat(this.breaker.tryProbe()).isTrue();
			assertThat(this.breaker.onFailure()).isTrue();
		}
		assertThat(waits).as("jittered").hasSizeGreaterThan(10);
	}

	@Test
	void anInconclusiveProbeAllowsTheNextOneRightAway() {
		for (int i = 0; i < 4; i++) {
			this.breaker.onFailure();
		}
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.breaker.tryProbe()).isTrue();
		this.breaker.probeSkipped();
		assertThat(this.breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.breaker.tryProbe()).isTrue();
		assertThat(this.breaker.onSuccess()).as("closed by the probe").isTrue();
		assertThat(this.breaker.onSuccess()).isFalse();
	}

	@Test
	void staysClosedWhileFailuresAreTheMinority() {
		for (int i = 0; i < 20; i++) {
			this.breaker.onSuccess();
			this.breaker.onSuccess();
			this.breaker.onFailure();
		}
		assertThat(this.breaker.isClosed()).isTrue();
	}

	@Test
	void backoffCeilingDoublesUpToTheCapAndDelaysStayBelowIt() {
		BackoffPolicy backoff = new BackoffPolicy(Duration.ofSeconds(1), Duration.ofMinutes(10));
		assertThat(backoff.ceilingMillis(1)).isEqualTo(1000);
		assertThat(backoff.ceilingMillis(2)).isEqualTo(2000);
		assertThat(backoff.ceilingMillis(5)).isEqualTo(16000);
		assertThat(backoff.ceilingMillis(12)).isEqualTo(600_000);
		assertThat(backoff.ceilingMillis(100)).isEqualTo(600_000);
		for (int i = 0; i < 100; i++) {
			assertThat(backoff.delay(3)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
		}
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
