package ai.paid.spring.actuate;

import java.util.Locale;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of an in-memory batcher, alike for signals and costs: distribution summary
 * {@code paid.<items>.batch.size} and gauges {@code paid.<items>.buffer.size} and {@code paid.<items>.buffer.capacity}.
 * The base of their observers' meters, whose {@code batch} and {@code buffer} methods it implements.
 */
abstract class BufferMeters {

	private final MeterRegistry registry;

	private final String items;

	private final String item;

	private final DistributionSummary batchSize;

	/**
	 * Registers the batch size summary.
	 * @param registry where to register the meters
	 * @param items what is batched, plural: {@code signals}
	 * @param item what is batched, singular: {@code signal}
	 */
	protected BufferMeters(MeterRegistry registry, String items, String item) {
		this.registry = registry;
		this.items = items;
		this.item = item;
		this.batchSize = DistributionSummary.builder("paid." + items + ".batch.size")
			.description(capitalized() + " per POST /" + items + "/bulk from the in-memory buffer")
			.baseUnit(items)
			.register(registry);
	}

	/**
	 * A batch left the in-memory buffer for Paid.
	 * @param size items in the batch
	 */
	public void batch(int size) {
		this.batchSize.record(size);
	}

	/**
	 * Called once by the batcher so the buffer fill can be observed.
	 * @param size current number of buffered items
	 * @param capacity buffer capacity
	 */
	public void buffer(IntSupplier size, int capacity) {
		Gauge.builder("paid." + this.items + ".buffer.size", () -> size.getAsInt())
			.description(capitalized() + " waiting in the in-memory buffer")
			.baseUnit(this.items)
			.register(this.registry);
		Gauge.builder("paid." + this.items + ".buffer.capacity", () -> capacity)
			.description("Capacity of the in-memory " + this.item + " buffer")
			.baseUnit(this.items)
			.register(this.registry);
	}

	private String capitalized() {
		return this.items.substring(0, 1).toUpperCase(Locale.ROOT) + this.items.substring(1);
	}

}
