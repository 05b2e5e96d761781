package ai.paid.demo.llm;

import java.util.Map;

import ai.paid.spring.test.FakeOpenAiServer;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Lets the demo write emails without an OpenAI account: when no {@code OPENAI_API_KEY} (or
 * {@code spring.ai.openai.api-key}) is set, starts the {@link FakeOpenAiServer} of paid-spring-boot-test before any
 * bean exists and points Spring AI's OpenAI client at it. Its answers carry realistic token usage, so the costs the
 * starter captures look like a real model's. {@code demo.embedded-llm.enabled=false} turns this off.
 */
class EmbeddedLlmEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "demoEmbeddedLlm";

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("demo.embedded-llm.enabled", Boolean.class, true) || hasApiKey(environment)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		FakeOpenAiServer server = new FakeOpenAiServer().start()
			.model("gpt-4o-mini-2024-07-18")
			.usage(412, 118, 128)
			.completion("Hi there, I noticed your team is growing fast. Would a 20-minute call on Tuesday help you "
					+ "see how our AI SDR books qualified meetings while you sleep?");
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("spring.ai.openai.base-url", server.baseUrl(), "spring.ai.openai.api-key", "sk-demo")));
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("fakeOpenAiServer", server);
			context.addApplicationListener((event) -> {
				if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
					server.stop();
				}
			});
		});
	}

	private static boolean hasApiKey(ConfigurableEnvironment environment) {
		return StringUtils.hasText(environment.getProperty("spring.ai.openai.api-key"))
				|| StringUtils.hasText(environment.getProperty("OPENAI_API_KEY"));
	}

}
