package ai.paid.spring.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects request latencies into a preallocated array; percentiles by sorting at the end.
 */
final class LatencyRecorder {

	private final long[] nanos;

	private final AtomicInteger count = new AtomicInteger();

	LatencyRecorder(int capacity) {
		this.nanos = new long[capacity];
	}

	void record(long latencyNanos) {
		int index = this.count.getAndIncrement();
		if (index < this.nanos.length) {
			this.nanos[index] = latencyNanos;
		}
	}

	Summary summarize() {
		int n = Math.min(this.count.get(), this.nanos.length);
		long[] sorted = Arrays.copyOf(this.nanos, n);
		Arrays.sort(sorted);
		return new Summary(n, percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 0.999),
				(n > 0) ? sorted[n - 1] : 0);
	}

	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	record Summary(int count, long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos) {
	}

}
