package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The dispatcher's threads: a small pool for database work ({@code paid-outbox-db-*}) and a timer
 * ({@code paid-outbox-timer-*}). Every task runs inside a catch-all that logs through the logger, so nothing escapes
 * as an uncaught exception on these threads; a task submitted after {@link #shutdown()} is dropped (leases of
 * unfinished lanes expire and another instance takes over).
 */
final class DispatchExecutors {

	private static final Log logger = LogFactory.getLog(OutboxDispatcher.class);

	private final ThreadPoolExecutor database;

	private final ScheduledExecutorService timer;

	DispatchExecutors(int databaseThreads) {
		this.database = new ThreadPoolExecutor(databaseThreads, databaseThreads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), new CustomizableThreadFactory("paid-outbox-db-"));
		this.timer = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("paid-outbox-timer-"));
	}

	/** Runs database work on the pool. */
	void execute(Runnable task) {
		try {
			this.database.execute(guarded(task));
		}
		catch (RejectedExecutionException ex) {
			// stopping
		}
	}

	/** Runs a task on the timer after a delay. */
	void schedule(Duration delay, Runnable task) {
		try {
			this.timer.schedule(guarded(task), Math.max(1, delay.toMillis() + 1), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// stopping
		}
	}

	/** Runs a task on the timer repeatedly; an exception in one run does not end the repetition. */
	void repeat(Duration initialDelay, Duration interval, Runnable task) {
		this.timer.scheduleWithFixedDelay(guarded(task), initialDelay.toMillis(), Math.max(10, interval.toMillis()),
				TimeUnit.MILLISECONDS);
	}

	void shutdownTimer() {
		this.timer.shutdownNow();
	}

	void shutdown() {
		this.timer.shutdownNow();
		this.database.shutdownNow();
	}

	private static Runnable guarded(Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (Throwable ex) {
				if (ex instanceof VirtualMachineError error) {
					throw error;
				}
				logger.error("Paid outbox dispatcher task failed unexpectedly; it is retried on the next poll", ex);
			}
		};
	}

}
