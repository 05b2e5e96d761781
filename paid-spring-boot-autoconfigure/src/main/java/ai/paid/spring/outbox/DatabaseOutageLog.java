package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs a database outage once per instance: one WARN when the dispatcher's database work starts failing, one INFO
 * when it has worked again for a quiet second, instead of a stack trace per lane and per retry (a connection dropped
 * every few hundred milliseconds is one outage, not many). Failures in between are logged at DEBUG.
 */
final class DatabaseOutageLog {

	private static final Log logger = LogFactory.getLog(OutboxDispatcher.class);

	private static final long QUIET_NANOS = Duration.ofSeconds(1).toNanos();

	private final AtomicLong since = new AtomicLong();

	private volatile long lastFailure;

	private final Log log;

	DatabaseOutageLog() {
		this(logger);
	}

	DatabaseOutageLog(Log log) {
		this.log = log;
	}

	/**
	 * Records a failed database operation.
	 * @param what what the dispatcher was doing
	 * @param ex the failure
	 */
	void failed(String what, Throwable ex) {
		this.lastFailure = System.nanoTime();
		if (this.since.compareAndSet(0, System.nanoTime() | 1)) {
			this.log.warn("Paid outbox lost its database while " + what + " (" + summary(ex) + "); deliveries wait "
					+ "and resume when it is back, no lane is parked for it");
		}
		else if (this.log.isDebugEnabled()) {
			this.log.debug("Paid outbox database still unavailable while " + what, ex);
		}
	}

	/** Records a successful database operation; ends a logged outage once no failure came for a second. */
	void succeeded() {
		long started = this.since.get();
		if (started != 0 && System.nanoTime() - this.lastFailure >= QUIET_NANOS
				&& this.since.compareAndSet(started, 0)) {
			Duration down = Duration.ofNanos(System.nanoTime() - started);
			this.log.info("Paid outbox database is back after " + down.toMillis() / 1000.0 + " s; deliveries resume");
		}
	}

	/** Whether an outage is being logged. */
	boolean inOutage() {
		return this.since.get() != 0;
	}

	private static String summary(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (root != ex) {
			text += "; caused by " + root.getClass().getSimpleName() + ": " + root.getMessage();
		}
		return text;
	}

}
