package ai.paid.spring.actuate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.TokenUsage;
import ai.paid.spring.cost.CostObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Cost meters, the {@link CostObserver} on Micrometer: counters {@code paid.costs.recorded{vendor,model,path}},
 * {@code paid.costs.tokens{vendor,model,kind=input|output|cache_read|cache_creation|reasoning}},
 * {@code paid.costs.amount{vendor,model,currency}} (costs in money, in major units),
 * {@code paid.costs.unattributed{vendor,model}} (model calls outside any {@code PaidContext}),
 * {@code paid.costs.sent{path}}, {@code paid.costs.failed{path,reason}}, gauges {@code paid.costs.buffer.size} and
 * {@code paid.costs.buffer.capacity}, distribution summary {@code paid.costs.batch.size}. Vendor and model are
 * low-cardinality by nature (a handful of models per application).
 */
public final class CostMetrics extends BufferMeters implements CostObserver {

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Registers the meters.
	 * @param registry where to register them
	 */
	public CostMetrics(MeterRegistry registry) {
		super(registry, "costs", "cost");
		this.registry = registry;
	}

	@Override
	public void recorded(Cost cost, Path path) {
		String vendor = tag(cost.vendor());
		String model = tag(cost.model());
		counter("paid.costs.recorded", "Costs recorded", "vendor", vendor, "model", model, "path", path.tag())
			.increment();
		TokenUsage usage = cost.usage();
		if (usage != null) {
			tokens(vendor, model, "input", usage.inputTokens());
			tokens(vendor, model, "output", usage.outputTokens());
			tokens(vendor, model, "cache_read", usage.cacheReadInputTokens());
			tokens(vendor, model, "cache_creation", usage.cacheCreationInputTokens());
			tokens(vendor, model, "reasoning", usage.reasoningOutputTokens());
		}
		if (cost.amount() != null) {
			counter("paid.costs.amount", "Money of costs recorded in money, in major units", "vendor", vendor, "model",
					model, "currency", tag(cost.currency()))
				.increment(cost.amount().doubleValue());
		}
	}

	private void tokens(String vendor, String model, String kind, @Nullable Long count) {
		if (count != null && count > 0) {
			counter("paid.costs.tokens", "Tokens of costs recorded in usage", "vendor", vendor, "model", model, "kind",
					kind)
				.increment(count);
		}
	}

	@Override
	public void unattributed(String vendor, String model) {
		counter("paid.costs.unattributed", "Model calls made outside any PaidContext, billed to nobody", "vendor",
				tag(vendor), "model", tag(model), null, null)
			.increment();
	}

	@Override
	public void sent(Path path, int ingested) {
		counter("paid.costs.sent", "Costs Paid accepted", "path", path.tag(), null, null, null, null)
			.increment(ingested);
	}

	@Override
	public void failed(Path path, FailureReason reason, int count) {
		counter("paid.costs.failed", "Costs that will not reach Paid", "path", path.tag(), "reason", reason.tag(),
				null, null)
			.increment(count);
	}

	private Counter counter(String name, String description, String k1, String v1, @Nullable String k2,
			@Nullable String v2, @Nullable String k3, @Nullable String v3) {
		String key = name + '\u0000' + v1 + '\u0000' + v2 + '\u0000' + v3;
		return this.counters.computeIfAbsent(key, (k) -> {
			Counter.Builder builder = Counter.builder(name).description(description).tag(k1, v1);
			if (k2 != null && v2 != null) {
				builder.tag(k2, v2);
			}
			if (k3 != null && v3 != null) {
				builder.tag(k3, v3);
			}
			return builder.register(this.registry);
		});
	}

	private static String tag(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value : "none";
	}

}
