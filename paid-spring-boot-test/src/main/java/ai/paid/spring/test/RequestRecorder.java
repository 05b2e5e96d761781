package ai.paid.spring.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the most recent requests, up to a limit, lock-free.
 */
final class RequestRecorder {

	static final int DEFAULT_LIMIT = 10_000;

	private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private volatile int limit = DEFAULT_LIMIT;

	void record(RecordedRequest request) {
		if (this.limit <= 0) {
			return;
		}
		this.requests.add(request);
		if (this.size.incrementAndGet() > this.limit && this.requests.poll() != null) {
			this.size.decrementAndGet();
		}
	}

	boolean isEnabled() {
		return this.limit > 0;
	}

	void limit(int limit) {
		this.limit = limit;
		while (this.size.get() > Math.max(limit, 0) && this.requests.poll() != null) {
			this.size.decrementAndGet();
		}
	}

	List<RecordedRequest> all() {
		return List.copyOf(this.requests);
	}

	List<RecordedRequest> matching(RequestMatch match) {
		List<RecordedRequest> result = new ArrayList<>();
		for (Iterator<RecordedRequest> it = this.requests.iterator(); it.hasNext();) {
			RecordedRequest request = it.next();
			if (match.matches(request.method(), request.relativePath())) {
				result.add(request);
			}
		}
		return List.copyOf(result);
	}

	void clear() {
		while (this.requests.poll() != null) {
			this.size.decrementAndGet();
		}
	}

}
