package ai.paid.spring.actuate;

import ai.paid.spring.sync.BackfillProgress;
import ai.paid.spring.sync.jpa.PaidSyncBackfill;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Backfill progress gauges {@code paid.sync.backfill.done} and {@code paid.sync.backfill.total}, tagged with the
 * synced {@code entity} name (a handful of values), read from the progress the backfill keeps in memory. Does nothing
 * when no {@link MeterRegistry} bean exists.
 */
public final class BackfillMetrics implements SmartInitializingSingleton {

	private final ObjectProvider<MeterRegistry> registries;

	private final ObjectProvider<PaidSyncBackfill> backfill;

	/**
	 * Create the gauges.
	 * @param registries the registry, if the application has one
	 * @param backfill the backfill, if available
	 */
	public BackfillMetrics(ObjectProvider<MeterRegistry> registries, ObjectProvider<PaidSyncBackfill> backfill) {
		this.registries = registries;
		this.backfill = backfill;
	}

	@Override
	public void afterSingletonsInstantiated() {
		MeterRegistry registry = this.registries.getIfUnique();
		PaidSyncBackfill backfill = this.backfill.getIfUnique();
		if (registry == null || backfill == null) {
			return;
		}
		for (String entity : backfill.entityNames()) {
			Gauge.builder("paid.sync.backfill.done", backfill, (source) -> source.progressOf(entity).done())
				.description("Entities queued for Paid by the backfill")
				.tag("entity", entity)
				.register(registry);
			Gauge.builder("paid.sync.backfill.total", backfill, (source) -> total(source.progressOf(entity)))
				.description("Entities to queue for Paid in the current or last backfill")
				.tag("entity", entity)
				.register(registry);
		}
	}

	private static double total(BackfillProgress progress) {
		return progress.total();
	}

}
