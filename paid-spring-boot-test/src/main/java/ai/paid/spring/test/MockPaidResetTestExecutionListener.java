package ai.paid.spring.test;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * Resets the context's {@link MockPaidServer} before each test method of a class annotated with
 * {@link AutoConfigureMockPaid} (unless {@code resetBeforeEachTest = false}). Registered in
 * {@code META-INF/spring.factories}.
 */
final class MockPaidResetTestExecutionListener implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		AutoConfigureMockPaid annotation = TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(),
				AutoConfigureMockPaid.class);
		if (annotation != null && annotation.resetBeforeEachTest()) {
			testContext.getApplicationContext().getBeanProvider(MockPaidServer.class).ifAvailable(MockPaidServer::reset);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

}
