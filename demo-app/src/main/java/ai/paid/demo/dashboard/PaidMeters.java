package ai.paid.demo.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The starter's meters ({@code paid.outbox.*}, {@code paid.signals.*}) as the page shows them: one figure per meter
 * name, summed over its tags (a counter's count, a gauge's value, a timer's number of recordings with its mean and
 * max). Percentile gauges are left to {@code /actuator/metrics}.
 */
@Component
class PaidMeters {

	private final MeterRegistry registry;

	PaidMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	List<Figure> figures(String prefix) {
		Map<String, Sum> sums = new TreeMap<>();
		for (Meter meter : this.registry.getMeters()) {
			String name = meter.getId().getName();
			if (name.startsWith(prefix) && !name.endsWith(".percentile") && !name.endsWith(".histogram")) {
				sums.computeIfAbsent(name, (key) -> new Sum()).add(meter);
			}
		}
		List<Figure> figures = new ArrayList<>();
		sums.forEach((name, sum) -> figures.add(sum.figure(name)));
		return figures;
	}

	/**
	 * One meter's figure.
	 *
	 * @param name meter name
	 * @param value summed over the meter's tags
	 * @param detail more about a timer: mean and max
	 */
	record Figure(String name, double value, @Nullable String detail) {

	}

	private static final class Sum {

		private double value;

		private boolean timer;

		private double totalMillis;

		private double maxMillis;

		void add(Meter meter) {
			if (meter instanceof Timer timer) {
				this.timer = true;
				this.value += timer.count();
				this.totalMillis += timer.totalTime(TimeUnit.MILLISECONDS);
				this.maxMillis = Math.max(this.maxMillis, timer.max(TimeUnit.MILLISECONDS));
				return;
			}
			for (Measurement measurement : meter.measure()) {
				Statistic statistic = measurement.getStatistic();
				if (statistic == Statistic.COUNT || statistic == Statistic.VALUE) {
					this.value += finite(measurement.getValue());
					return;
				}
			}
		}

		Figure figure(String name) {
			if (!this.timer || this.value == 0) {
				return new Figure(name, this.value, null);
			}
			return new Figure(name, this.value,
					String.format("mean %.0f ms · max %.0f ms", this.totalMillis / this.value, this.maxMillis));
		}

		private static double finite(double value) {
			return Double.isFinite(value) ? value : 0;
		}

	}

}
