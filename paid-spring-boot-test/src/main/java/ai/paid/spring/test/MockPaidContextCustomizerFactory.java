package ai.paid.spring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates a {@link MockPaidContextCustomizer} for test classes annotated with {@link AutoConfigureMockPaid}
 * (directly, as a meta-annotation, or on an enclosing class). Registered in {@code META-INF/spring.factories}.
 */
final class MockPaidContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureMockPaid annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureMockPaid.class);
		return (annotation != null) ? new MockPaidContextCustomizer(annotation.apiKey()) : null;
	}

}
