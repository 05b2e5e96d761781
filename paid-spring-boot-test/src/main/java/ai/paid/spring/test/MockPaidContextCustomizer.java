package ai.paid.spring.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts a {@link MockPaidServer} for one application context, registers it as a bean that is stopped with the
 * context, and adds {@code paid.base-url} / {@code paid.api-key} / {@code paid.webhooks.signing-secret} just below the test's inlined properties. Equal
 * for equal settings, so Spring's context cache can share contexts.
 */
final class MockPaidContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "mockPaidServer";

	static final String PROPERTY_SOURCE_NAME = "mockPaidServer";

	private final String apiKey;

	MockPaidContextCustomizer(String apiKey) {
		this.apiKey = apiKey;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		MockPaidServer server = new MockPaidServer(this.apiKey).start();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, server);
		if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(BEAN_NAME, server::stop);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("paid.base-url", server.baseUrl());
		properties.put("paid.api-key", this.apiKey);
		properties.put("paid.webhooks.signing-secret", server.webhooks().signingSecret());
		ConfigurableEnvironment environment = context.getEnvironment();
		server.webhooks().target(() -> webhookUrl(environment));
		MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
		if (sources.contains(inlined)) {
			sources.addAfter(inlined, source);
		}
		else {
			sources.addFirst(source);
		}
	}

	// the receiver on the port the test's web server got (RANDOM_PORT or DEFINED_PORT)
	private static @Nullable String webhookUrl(ConfigurableEnvironment environment) {
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			return null;
		}
		String contextPath = environment.getProperty("server.servlet.context-path", "");
		return "http://127.0.0.1:" + port + contextPath
				+ environment.getProperty("paid.webhooks.path", "/paid/webhooks");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MockPaidContextCustomizer that && this.apiKey.equals(that.apiKey);
	}

	@Override
	public int hashCode() {
		return this.apiKey.hashCode();
	}

}
