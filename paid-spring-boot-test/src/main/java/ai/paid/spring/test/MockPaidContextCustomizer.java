package ai.paid.spring.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts a {@link MockPaidServer} for one application context, registers it as a bean that is stopped with the
 * context, and adds {@code paid.base-url} / {@code paid.api-key} just below the test's inlined properties. Equal
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

	@Override
	public boolean equals(Object other) {
		return other instanceof MockPaidContextCustomizer that && this.apiKey.equals(that.apiKey);
	}

	@Override
	public int hashCode() {
		return this.apiKey.hashCode();
	}

}
