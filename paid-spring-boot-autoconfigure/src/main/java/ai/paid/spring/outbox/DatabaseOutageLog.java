package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs a database outage once per instance: one WARN when the dispatcher's database work starts failing, one INFO
 * when it succeeds again, instead of a stack trace per lane and per retry. Failures in between are logged at DEBUG.
 */
final class DatabaseOutageLog {

	private static final Log logger = LogFactory.getLog(OutboxDispatcher.class);

	private final AtomicLong since = new AtomicLong();

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
		if (this.since.compareAndSet(0, System.nanoTime() | 1)) {
			this.log.warn("Paid outbox lost its database while " + what + " (" + summary(ex) + "); deliveries wait "
					+ "and resume when it is back, no lane is parked for it");
		}
		else if (this.log.isDebugEnabled()) {
			this.log.debug("Paid outbox database still unavailable while " + what, ex);
		}
	}

	/** Records a successful database operation; ends an outage if one was logged. */
	void succeeded() {
		long started = this.since.get();
		if (started != 0 && this.since.compareAndSet(started, 0)) {
			Duration down = Duration.ofNanos(System.nanoTime() - started);
			this.log.info("Paid outbox database is back after " + down.toSeconds() + " s; deliveries resume");
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
