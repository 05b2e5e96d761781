package ai.paid.spring.outbox;

import java.time.Duration;
import java.util.Map;

import ai.paid.spring.autoconfigure.PaidOutboxProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OutboxDispatcherSettings} and how {@link PaidOutboxProperties} builds them.
 */
class OutboxDispatcherSettingsTests {

	@Test
	void everyPropertyLandsInItsOwnSetting() {
		Map<String, String> values = Map.ofEntries(Map.entry("paid.outbox.poll-interval", "1001ms"),
				Map.entry("paid.outbox.lease-duration", "1002ms"), Map.entry("paid.outbox.max-concurrent-lanes", "3"),
				Map.entry("paid.outbox.batch-size", "4"), Map.entry("paid.outbox.database-threads", "5"),
				Map.entry("paid.outbox.initial-backoff", "1003ms"), Map.entry("paid.outbox.max-backoff", "1004ms"),
				Map.entry("paid.outbox.max-attempts", "6"), Map.entry("paid.outbox.max-age", "1005ms"),
				Map.entry("paid.outbox.delivery-timeout", "1006ms"), Map.entry("paid.outbox.shutdown-timeout", "1007ms"),
				Map.entry("paid.outbox.credentials-probe-interval", "1008ms"),
				Map.entry("paid.outbox.circuit-breaker.window", "7"),
				Map.entry("paid.outbox.circuit-breaker.minimum-calls", "8"),
				Map.entry("paid.outbox.circuit-breaker.failure-threshold", "0.9"),
				Map.entry("paid.outbox.circuit-breaker.open-duration", "1009ms"),
				Map.entry("paid.outbox.failure-log-interval", "1010ms"));
		OutboxDispatcherSettings settings = new Binder(new MapConfigurationPropertySource(values))
			.bindOrCreate("paid.outbox", PaidOutboxProperties.class)
			.toDispatcherSettings();
		assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(1001));
		assertThat(settings.leaseDuration()).isEqualTo(Duration.ofMillis(1002));
		assertThat(settings.maxConcurrentLanes()).isEqualTo(3);
		assertThat(settings.batchSize()).isEqualTo(4);
		assertThat(settings.databaseThreads()).isEqualTo(5);
		assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(1003));
		assertThat(settings.maxBackoff()).isEqualTo(Duration.ofMillis(1004));
		assertThat(settings.maxAttempts()).isEqualTo(6);
		assertThat(settings.maxAge()).isEqualTo(Duration.ofMillis(1005));
		assertThat(settings.deliveryTimeout()).isEqualTo(Duration.ofMillis(1006));
		assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofMillis(1007));
		assertThat(settings.credentialsProbeInterval()).isEqualTo(Duration.ofMillis(1008));
		assertThat(settings.breakerWindow()).isEqualTo(7);
		assertThat(settings.breakerMinimumCalls()).isEqualTo(8);
		assertThat(settings.breakerFailureThreshold()).isEqualTo(0.9);
		assertThat(settings.breakerOpenDuration()).isEqualTo(Duration.ofMillis(1009));
		assertThat(settings.failureLogInterval()).isEqualTo(Duration.ofMillis(1010));
	}

	@Test
	void defaultsMatchThePropertiesDefaults() {
		OutboxDispatcherSettings bound = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("paid.outbox", PaidOutboxProperties.class)
			.toDispatcherSettings();
		OutboxDispatcherSettings defaults = OutboxDispatcherSettings.defaults();
		assertThat(bound).usingRecursiveComparison().isEqualTo(defaults);
		assertThat(defaults.breakerOpenDuration()).isEqualTo(Duration.ofSeconds(12));
		assertThat(defaults.failureLogInterval()).isEqualTo(Duration.ofMinutes(1));
	}

}
