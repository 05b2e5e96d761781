package ai.paid.spring.signal;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * Proxies beans with {@link PaidSignal @PaidSignal} methods (or adds the advice to their existing proxy, innermost, so
 * it runs inside a {@code @Transactional} method's transaction). Plain Spring AOP, no AspectJ weaver.
 */
public final class PaidSignalAnnotationPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	/**
	 * Creates the post-processor; the auto-configuration does this.
	 */
	public PaidSignalAnnotationPostProcessor() {
		setProxyTargetClass(true);
		setBeforeExistingAdvisors(false);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		PaidSignalInterceptor interceptor = new PaidSignalInterceptor(
				SingletonSupplier.of(() -> beanFactory.getBean(PaidSignals.class)), beanFactory);
		this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, PaidSignal.class, true),
				interceptor);
	}

}
