package ai.paid.demo.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Statistic;

import org.springframework.stereotype.Component;

/**
 * The starter's meters ({@code paid.outbox.*}, {@code paid.signals.*}, ...) as the page shows them: one figure per
 * meter name, summed over its tags (a counter's count, a gauge's value, a timer's number of recordings).
 */
@Component
class PaidMeters {

	private final MeterRegistry registry;

	PaidMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	List<Figure> figures(String prefix) {
		Map<String, Double> sums = new TreeMap<>();
		for (Meter meter : this.registry.getMeters()) {
			String name = meter.getId().getName();
			if (name.startsWith(prefix)) {
				sums.merge(name, headline(meter), Double::sum);
			}
		}
		List<Figure> figures = new ArrayList<>();
		sums.forEach((name, value) -> figures.add(new Figure(name, value)));
		return figures;
	}

	private static double headline(Meter meter) {
		double value = 0;
		for (Measurement measurement : meter.measure()) {
			Statistic statistic = measurement.getStatistic();
			if (statistic == Statistic.COUNT || statistic == Statistic.VALUE) {
				return finite(measurement.getValue());
			}
			value = finite(measurement.getValue());
		}
		return value;
	}

	private static double finite(double value) {
		return Double.isFinite(value) ? value : 0;
	}

	/**
	 * One meter's figure.
	 *
	 * @param name meter name
	 * @param value summed over the meter's tags
	 */
	record Figure(String name, double value) {

	}

}
