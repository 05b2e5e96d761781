package ai.paid.spring.test;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Decides, per request, whether an injected fault applies. Rules are tried in the order they were added; the first
 * one that matches and still has budget wins. Cheap when no rule is set.
 */
final class FaultInjector {

	private final CopyOnWriteArrayList<Rule> rules = new CopyOnWriteArrayList<>();

	private volatile Duration latency = Duration.ZERO;

	void addCounted(RequestMatch match, MockFault fault, int count) {
		if (count <= 0) {
			throw new IllegalArgumentException("count must be positive");
		}
		this.rules.add(new Rule(match, fault, new AtomicInteger(count), Long.MAX_VALUE));
	}

	void addTimed(RequestMatch match, MockFault fault, Duration window) {
		this.rules.add(new Rule(match, fault, null, System.nanoTime() + window.toNanos()));
	}

	void latency(Duration latency) {
		if (latency.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative");
		}
		this.latency = latency;
	}

	Duration latency() {
		return this.latency;
	}

	@Nullable MockFault next(String method, String relativePath) {
		if (this.rules.isEmpty()) {
			return null;
		}
		long now = System.nanoTime();
		for (Rule rule : this.rules) {
			if (rule.isExhausted(now)) {
				this.rules.remove(rule);
			}
			else if (rule.match.matches(method, relativePath) && rule.tryConsume(now)) {
				return rule.fault;
			}
		}
		return null;
	}

	void clear() {
		this.rules.clear();
		this.latency = Duration.ZERO;
	}

	private static final class Rule {

		final RequestMatch match;

		final MockFault fault;

		private final @Nullable AtomicInteger remaining;

		private final long deadlineNanos;

		Rule(RequestMatch match, MockFault fault, @Nullable AtomicInteger remaining, long deadlineNanos) {
			this.match = match;
			this.fault = fault;
			this.remaining = remaining;
			this.deadlineNanos = deadlineNanos;
		}

		boolean isExhausted(long now) {
			return (this.remaining != null) ? this.remaining.get() <= 0 : now - this.deadlineNanos >= 0;
		}

		boolean tryConsume(long now) {
			if (this.remaining == null) {
				return now - this.deadlineNanos < 0;
			}
			int left;
			do {
				left = this.remaining.get();
				if (left <= 0) {
					return false;
				}
			}
			while (!this.remaining.compareAndSet(left, left - 1));
			return true;
		}

	}

}
