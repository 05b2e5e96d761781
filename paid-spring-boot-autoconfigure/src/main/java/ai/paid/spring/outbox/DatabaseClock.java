package ai.paid.spring.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The database's clock, as seen from this instance: the application's clock plus the offset last measured when the
 * dispatcher read rows together with the database's current time. Every age the outbox computes in Java (the lag
 * timer, the max-age check) uses it, since the rows' timestamps come from the database; a skewed application clock
 * would otherwise distort them. Between measurements it drifts only as much as the two clocks drift apart.
 */
final class DatabaseClock extends Clock {

	private final Clock application;

	private volatile long offsetNanos;

	DatabaseClock(Clock application) {
		this.application = application;
	}

	/**
	 * Records the database's current time, read just now.
	 * @param databaseNow the database's {@code CURRENT_TIMESTAMP}
	 */
	void sync(Instant databaseNow) {
		this.offsetNanos = Duration.between(this.application.instant(), databaseNow).toNanos();
	}

	/** The last measured offset of the database's clock from the application's. */
	Duration offset() {
		return Duration.ofNanos(this.offsetNanos);
	}

	@Override
	public Instant instant() {
		return this.application.instant().plusNanos(this.offsetNanos);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The database clock is UTC");
	}

}
