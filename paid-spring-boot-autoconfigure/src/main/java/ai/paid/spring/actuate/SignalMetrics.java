package ai.paid.spring.actuate;

import java.util.EnumMap;
import java.util.Map;

import ai.paid.spring.signal.SignalObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Signal meters, the {@link SignalObserver} on Micrometer: counters {@code paid.signals.emitted{path}},
 * {@code paid.signals.sent{path,outcome=ingested|duplicate}}, {@code paid.signals.failed{path,reason}}, gauges
 * {@code paid.signals.buffer.size} and {@code paid.signals.buffer.capacity}, distribution summary
 * {@code paid.signals.batch.size}.
 */
public final class SignalMetrics extends BufferMeters implements SignalObserver {

	private final MeterRegistry registry;

	private final Map<Path, Counter> emitted = new EnumMap<>(Path.class);

	private final Map<Path, Counter> ingested = new EnumMap<>(Path.class);

	private final Map<Path, Counter> duplicates = new EnumMap<>(Path.class);

	/**
	 * Registers the meters.
	 * @param registry where to register them
	 */
	public SignalMetrics(MeterRegistry registry) {
		super(registry, "signals", "signal");
		this.registry = registry;
		for (Path path : Path.values()) {
			this.emitted.put(path, Counter.builder("paid.signals.emitted")
				.description("Signals accepted by send()")
				.tag("path", path.tag())
				.register(registry));
			this.ingested.put(path, sentCounter(path, "ingested"));
			this.duplicates.put(path, sentCounter(path, "duplicate"));
		}
	}

	private Counter sentCounter(Path path, String outcome) {
		return Counter.builder("paid.signals.sent")
			.description("Signals Paid acknowledged")
			.tag("path", path.tag())
			.tag("outcome", outcome)
			.register(this.registry);
	}

	@Override
	public void emitted(Path path) {
		this.emitted.get(path).increment();
	}

	@Override
	public void sent(Path path, int ingested, int duplicates) {
		if (ingested > 0) {
			this.ingested.get(path).increment(ingested);
		}
		if (duplicates > 0) {
			this.duplicates.get(path).increment(duplicates);
		}
	}

	@Override
	public void failed(Path path, FailureReason reason, int count) {
		Counter.builder("paid.signals.failed")
			.description("Signals that will not reach Paid")
			.tag("path", path.tag())
			.tag("reason", reason.tag())
			.register(this.registry)
			.increment(count);
	}

}
