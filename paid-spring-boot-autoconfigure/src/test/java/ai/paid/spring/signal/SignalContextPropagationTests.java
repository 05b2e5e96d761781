package ai.paid.spring.signal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidSignalsAutoConfiguration;
import ai.paid.spring.test.MockPaidServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@link PaidContext} follows work to other threads through Micrometer context propagation, switched on with
 * Spring Boot's own properties.
 */
class SignalContextPropagationTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaidClientAutoConfiguration.class, PaidSignalsAutoConfiguration.class,
				TaskExecutionAutoConfiguration.class, ReactorAutoConfiguration.class))
		.withPropertyValues("paid.base-url=" + mock.server().baseUrl(), "paid.api-key=" + mock.server().apiKey(),
				"paid.signals.flush-interval=10ms");

	@AfterEach
	void resetReactorHooks() {
		Hooks.disableAutomaticContextPropagation();
	}

	@Test
	void asyncMethodsSeeTheCallersScope() {
		this.runner.withUserConfiguration(AsyncConfiguration.class)
			.withPropertyValues("spring.task.execution.propagate-context=true")
			.run((context) -> {
				Mailer mailer = context.getBean(Mailer.class);
				String thread = PaidContext.customer("acme").product("ai-sdr").get(mailer::send).join();
				assertThat(thread).isNotEqualTo(Thread.currentThread().getName());
				await().untilAsserted(() -> assertThat(mock.server().signals()).hasSize(1));
				assertThat(mock.server().signals().get(0))
					.containsEntry("customer", Map.of("externalCustomerId", "acme"))
					.containsEntry("attribution", Map.of("externalProductId", "ai-sdr"));
			});
	}

	@Test
	void reactorChainsSeeTheSubscribersScopeWithAutomaticPropagation() {
		this.runner.withPropertyValues("spring.reactor.context-propagation=auto").run((context) -> {
			PaidSignals signals = context.getBean(PaidSignals.class);
			String thread = PaidContext.customer("acme").get(() -> Mono.just("work")
				.publishOn(Schedulers.boundedElastic())
				.map((work) -> {
					signals.emit("document_processed").quantity(2).send();
					return Thread.currentThread().getName();
				})
				.block());
			assertThat(thread).startsWith("boundedElastic");
			await().untilAsserted(() -> assertThat(mock.server().signals()).hasSize(1));
			assertThat(mock.server().signals().get(0)).containsEntry("customer", Map.of("externalCustomerId", "acme"));
		});
	}

	@Test
	void reactorChainsCanCaptureTheScopeExplicitly() {
		this.runner.run((context) -> {
			PaidSignals signals = context.getBean(PaidSignals.class);
			Mono<String> work = Mono.just("work")
				.publishOn(Schedulers.boundedElastic())
				.handle((value, sink) -> sink.next(signals.emit("document_processed").send().idempotencyKey()));
			PaidContext.customer("acme").get(() -> work.contextCapture().block());
			await().untilAsserted(() -> assertThat(mock.server().signals()).hasSize(1));
			assertThat(mock.server().signals().get(0)).containsEntry("customer", Map.of("externalCustomerId", "acme"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncConfiguration {

		@org.springframework.context.annotation.Bean
		Mailer mailer(PaidSignals signals) {
			return new Mailer(signals);
		}

	}

	static class Mailer {

		private final PaidSignals signals;

		Mailer(PaidSignals signals) {
			this.signals = signals;
		}

		@Async
		public CompletableFuture<String> send() {
			this.signals.emit("email_sent").send();
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

}
