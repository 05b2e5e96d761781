package ai.paid.spring.webhook;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * An application with webhook handlers that record what they get; a payload with {@code "fail": n} makes the
 * annotated handler throw on its first n attempts, {@code "fail": -1} on every attempt.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebhookTestApplication {

	@Bean
	Handlers handlers() {
		return new Handlers();
	}

	static class Handlers {

		/** Completed handlings per dedup key (only counted when the annotated handler did not throw). */
		final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

		final List<PaidWebhookEvent> typedEvents = new CopyOnWriteArrayList<>();

		final List<PaidWebhookEvent> annotatedEvents = new CopyOnWriteArrayList<>();

		final List<JsonNode> depletedPayloads = new CopyOnWriteArrayList<>();

		final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

		final Set<String> threads = ConcurrentHashMap.newKeySet();

		@PaidWebhookListener
		void onAny(PaidWebhookEvent event) {
			int attempt = this.attempts.computeIfAbsent(event.delivery().dedupKey(), (k) -> new AtomicInteger())
				.incrementAndGet();
			int fail = event.payload().path("fail").asInt(0);
			if (fail < 0 || attempt <= fail) {
				throw new IllegalStateException("handler failure " + attempt + " for " + event.delivery().dedupKey());
			}
			this.annotatedEvents.add(event);
		}

		@PaidWebhookListener("billing-credits-depleted")
		void onDepleted(JsonNode credits) {
			this.depletedPayloads.add(credits);
		}

		@EventListener
		void on(PaidWebhookEvent event) {
			this.typedEvents.add(event);
			this.threads.add(Thread.currentThread().getName());
			this.handled.computeIfAbsent(event.delivery().dedupKey(), (k) -> new AtomicInteger()).incrementAndGet();
		}

		int handledCount(String dedupKey) {
			AtomicInteger count = this.handled.get(dedupKey);
			return (count != null) ? count.get() : 0;
		}

		int attemptCount(String dedupKey) {
			AtomicInteger count = this.attempts.get(dedupKey);
			return (count != null) ? count.get() : 0;
		}

	}

}
