package ai.paid.spring.cost;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidCostsAutoConfiguration;
import ai.paid.spring.signal.PaidContext;
import ai.paid.spring.test.FakeOpenAiServer;
import ai.paid.spring.test.MockPaidServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring AI's real OpenAI client, run against the fake OpenAI endpoint: every call made inside a {@link PaidContext}
 * reaches the mock Paid as one usage cost with the model and the exact token counts of the response.
 */
class SpringAiCostCaptureTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private static final FakeOpenAiServer openAi = new FakeOpenAiServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		// WebClient's observations make the observation registry a dependency of the Paid client, as in applications
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, WebClientAutoConfiguration.class,
				WebClientObservationAutoConfiguration.class, PaidClientAutoConfiguration.class,
				PaidCostsAutoConfiguration.class))
		.withUserConfiguration(OpenAiModels.class)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("paid.base-url=" + mock.server().baseUrl(), "paid.api-key=" + mock.server().apiKey(),
				"paid.costs.flush-interval=10ms");

	@BeforeAll
	static void startOpenAi() {
		openAi.start();
	}

	@AfterAll
	static void stopOpenAi() {
		openAi.stop();
	}

	private static String baseUrl() {
		return openAi.start().baseUrl();
	}

	@BeforeEach
	void cannedAnswer() {
		openAi.completion("Hi Ada, shall we talk on Tuesday?").model("gpt-4o-mini-2024-07-18").usage(812, 164, 300);
	}

	@AfterEach
	void resetReactorHooks() {
		Hooks.disableAutomaticContextPropagation();
	}

	@Test
	void aChatCallInsideAContextBecomesOneUsageCostWithTheResponsesModelAndTokens() {
		this.runner.run((context) -> {
			ChatModel chat = context.getBean(ChatModel.class);
			String answer = PaidContext.customer("acme")
				.product("ai-sdr")
				.get(() -> chat.call("Write a short email to Ada"));
			assertThat(answer).isEqualTo("Hi Ada, shall we talk on Tuesday?");
			await().untilAsserted(() -> assertThat(mock.server().costs()).hasSize(1));
			Map<String, Object> cost = mock.server().costs().get(0);
			assertThat(cost).containsEntry("type", "usage")
				.containsEntry("vendor", "openai")
				.containsEntry("model", "gpt-4o-mini-2024-07-18")
				.containsEntry("customer", Map.of("externalCustomerId", "acme"))
				.containsEntry("product", Map.of("externalProductId", "ai-sdr"))
				.containsEntry("usage", Map.of("inputTokens", 512, "outputTokens", 164, "cacheReadInputTokens", 300))
				.containsKey("timestamp");
			assertThat(cost.get("metadata")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsKey("paid_scope_id");
			assertThat(counter(context, "paid.costs.recorded")).isEqualTo(1);
			assertThat(context.getBean(MeterRegistry.class)
				.get("paid.costs.tokens")
				.tag("kind", "output")
				.counter()
				.count()).isEqualTo(164);
		});
	}

	@Test
	void aStreamedCallIsCostedWithTheUsageOfItsFinalChunk() {
		// Spring AI's MessageAggregator keeps prompt and completion tokens of a stream, not its cache counts
		openAi.usage(812, 164, 0);
		this.runner.run((context) -> {
			ChatModel chat = context.getBean(ChatModel.class);
			List<ChatResponse> chunks = PaidContext.customer("acme")
				.product("ai-sdr")
				.get(() -> chat.stream(new Prompt("Write a short email to Ada")).collectList().block());
			assertThat(chunks).hasSizeGreaterThan(2);
			assertThat(openAi.chatRequests()).last()
				.satisfies((request) -> assertThat(request).containsEntry("stream", true));
			await().untilAsserted(() -> assertThat(mock.server().costs()).hasSize(1));
			assertThat(mock.server().costs().get(0)).containsEntry("model", "gpt-4o-mini-2024-07-18")
				.containsEntry("customer", Map.of("externalCustomerId", "acme"))
				.containsEntry("usage", Map.of("inputTokens", 812, "outputTokens", 164));
		});
	}

	@Test
	void aCallOutsideAnyContextProducesNoCostAndIsCounted() {
		this.runner.run((context) -> {
			ChatModel chat = context.getBean(ChatModel.class);
			chat.call("Write a short email to Ada");
			PaidContext.customer("acme").run(() -> chat.call("Write another one"));
			await().untilAsserted(() -> assertThat(mock.server().costs()).hasSize(1));
			assertThat(context.getBean(MeterRegistry.class)
				.get("paid.costs.unattributed")
				.tag("vendor", "openai")
				.tag("model", "gpt-4o-mini-2024-07-18")
				.counter()
				.count()).isEqualTo(1);
			assertThat(mock.server().costs()).singleElement()
				.satisfies((cost) -> assertThat(cost).containsEntry("customer", Map.of("externalCustomerId", "acme"))
					.doesNotContainKey("product"));
		});
	}

	@Test
	void anEmbeddingCallBecomesAUsageCostOfTheEmbeddingModel() {
		openAi.embeddings("text-embedding-3-small", 7);
		this.runner.run((context) -> {
			EmbeddingModel embeddings = context.getBean(EmbeddingModel.class);
			PaidContext.customer("acme").run(() -> embeddings.embed(List.of("first lead", "second lead")));
			await().untilAsserted(() -> assertThat(mock.server().costs()).hasSize(1));
			assertThat(mock.server().costs().get(0)).containsEntry("vendor", "openai")
				.containsEntry("model", "text-embedding-3-small")
				.containsEntry("usage", Map.of("inputTokens", 14, "outputTokens", 0));
		});
	}

	@Test
	void aCallOnAnotherThreadIsCostedToTheContextThatStartedIt() {
		this.runner.withConfiguration(AutoConfigurations.of(ReactorAutoConfiguration.class))
			.withPropertyValues("spring.reactor.context-propagation=auto")
			.run((context) -> {
				ChatModel chat = context.getBean(ChatModel.class);
				String thread = PaidContext.customer("globex").get(() -> Mono.just("Write to Ada")
					.publishOn(Schedulers.boundedElastic())
					.map((text) -> {
						chat.call(text);
						return Thread.currentThread().getName();
					})
					.block());
				assertThat(thread).startsWith("boundedElastic");
				await().untilAsserted(() -> assertThat(mock.server().costs()).hasSize(1));
				assertThat(mock.server().costs().get(0)).containsEntry("customer",
						Map.of("externalCustomerId", "globex"));
			});
	}

	@Test
	void theCaptureCanBeSwitchedOff() {
		this.runner.withPropertyValues("paid.costs.spring-ai.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SpringAiCostObservationHandler.class);
			assertThat(context).hasSingleBean(PaidCosts.class);
		});
	}

	private static double counter(org.springframework.context.ApplicationContext context, String name) {
		return context.getBean(MeterRegistry.class).get(name).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	/**
	 * Spring AI's OpenAI models as its auto-configuration builds them (that module is not on this module's test
	 * classpath, so that other tests need no OpenAI key), reporting to the application's observation registry.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OpenAiModels {

		@Bean
		OpenAiChatModel openAiChatModel(ObservationRegistry observations) {
			return OpenAiChatModel.builder()
				.options(OpenAiChatOptions.builder().baseUrl(baseUrl()).apiKey("sk-test").model("gpt-4o-mini").build())
				.observationRegistry(observations)
				.build();
		}

		@Bean
		OpenAiEmbeddingModel openAiEmbeddingModel(ObservationRegistry observations) {
			return OpenAiEmbeddingModel.builder()
				.options(OpenAiEmbeddingOptions.builder()
					.baseUrl(baseUrl())
					.apiKey("sk-test")
					.model("text-embedding-3-small")
					.build())
				.observationRegistry(observations)
				.build();
		}

	}

}
