package ai.paid.spring.actuate;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

import ai.paid.spring.outbox.OutboxAdmin;
import ai.paid.spring.outbox.OutboxBacklog;
import ai.paid.spring.outbox.OutboxObserver;
import ai.paid.spring.outbox.OutboxOperation;
import ai.paid.spring.outbox.OutboxRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Outbox meters: counters {@code paid.outbox.enqueued}, {@code .coalesced}, {@code .delivered}, {@code .retried},
 * {@code .parked} (tags {@code type}, {@code operation}, and {@code outcome} where it applies, never a lane or
 * customer), the commit-to-delivery timer {@code paid.outbox.lag} with percentiles, and gauges
 * {@code paid.outbox.pending.rows}, {@code .pending.lanes}, {@code .parked.lanes} and
 * {@code paid.outbox.oldest.pending.age} (seconds) backed by a backlog snapshot refreshed at most every few seconds.
 * Does nothing when no {@link MeterRegistry} bean exists.
 */
public final class OutboxMetrics implements OutboxObserver, SmartInitializingSingleton {

	private static final Duration GAUGE_STALENESS = Duration.ofSeconds(5);

	private final ObjectProvider<MeterRegistry> registries;

	private final ObjectProvider<OutboxAdmin> admin;

	private volatile @Nullable MeterRegistry registry;

	/**
	 * Create the meters.
	 * @param registries the registry, if the application has one
	 * @param admin the backlog source for the gauges, if available
	 */
	public OutboxMetrics(ObjectProvider<MeterRegistry> registries, ObjectProvider<OutboxAdmin> admin) {
		this.registries = registries;
		this.admin = admin;
	}

	@Override
	public void afterSingletonsInstantiated() {
		MeterRegistry registry = this.registries.getIfUnique();
		this.registry = registry;
		OutboxAdmin admin = this.admin.getIfUnique();
		if (registry == null || admin == null) {
			return;
		}
		gauge(registry, admin, "paid.outbox.pending.rows", "Rows waiting for delivery", OutboxBacklog::pendingRows);
		gauge(registry, admin, "paid.outbox.pending.lanes", "Lanes with rows waiting, not parked",
				OutboxBacklog::pendingLanes);
		gauge(registry, admin, "paid.outbox.parked.lanes", "Lanes stopped at a failed row",
				OutboxBacklog::parkedLanes);
		Gauge.builder("paid.outbox.oldest.pending.age", admin,
				value(admin, (backlog) -> backlog.oldestPendingAge().toMillis() / 1000.0))
			.description("Age of the oldest row waiting for delivery")
			.baseUnit("seconds")
			.register(registry);
	}

	private static void gauge(MeterRegistry registry, OutboxAdmin admin, String name, String description,
			ToDoubleFunction<OutboxBacklog> value) {
		Gauge.builder(name, admin, value(admin, value)).description(description).register(registry);
	}

	private static ToDoubleFunction<OutboxAdmin> value(OutboxAdmin admin, ToDoubleFunction<OutboxBacklog> value) {
		return (source) -> {
			try {
				return value.applyAsDouble(source.backlog(GAUGE_STALENESS));
			}
			catch (RuntimeException ex) {
				return Double.NaN;
			}
		};
	}

	@Override
	public void enqueued(String entityType, OutboxOperation operation, boolean coalesced) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		counter(registry, "paid.outbox.enqueued", entityType, operation, null).increment();
		if (coalesced) {
			counter(registry, "paid.outbox.coalesced", entityType, operation, null).increment();
		}
	}

	@Override
	public void delivered(OutboxRecord record, Duration lag) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		counter(registry, "paid.outbox.delivered", record.entityType(), record.operation(), null).increment();
		Timer.builder("paid.outbox.lag")
			.description("Time from the commit of a change to Paid accepting it")
			.tag("type", record.entityType())
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(registry)
			.record(lag);
	}

	@Override
	public void retried(OutboxRecord record, String outcome) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			counter(registry, "paid.outbox.retried", record.entityType(), record.operation(), outcome).increment();
		}
	}

	@Override
	public void parked(OutboxRecord record, String outcome) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			counter(registry, "paid.outbox.parked", record.entityType(), record.operation(), outcome).increment();
		}
	}

	private static Counter counter(MeterRegistry registry, String name, String type, OutboxOperation operation,
			@Nullable String outcome) {
		Counter.Builder builder = Counter.builder(name).tag("type", type).tag("operation", operation.name());
		if (outcome != null) {
			builder.tag("outcome", outcome);
		}
		return builder.register(registry);
	}

}
