package ai.paid.spring.signal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

/**
 * Emits the {@link PaidSignal} of a method after it returned normally.
 */
final class PaidSignalInterceptor implements MethodInterceptor {

	private static final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final Supplier<PaidSignals> signals;

	private final @Nullable BeanFactory beanFactory;

	private final PaidSignalExpressions.Cache expressions = new PaidSignalExpressions.Cache();

	PaidSignalInterceptor(Supplier<PaidSignals> signals, @Nullable BeanFactory beanFactory) {
		this.signals = signals;
		this.beanFactory = beanFactory;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object result = invocation.proceed();
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target)
				: invocation.getMethod().getDeclaringClass();
		Method method = AopUtils.getMostSpecificMethod(invocation.getMethod(), targetClass);
		PaidSignalExpressions expressions = this.expressions.get(method, targetClass);
		if (expressions == null) {
			return result;
		}
		Object[] arguments = invocation.getArguments();
		if (result instanceof Mono<?> mono) {
			PaidAttribution caller = PaidContext.current();
			return mono.doOnSuccess((value) -> emitIn(caller, expressions, method, arguments, target, value));
		}
		if (result instanceof CompletionStage<?> stage) {
			PaidAttribution caller = PaidContext.current();
			return stage.thenApply((value) -> {
				emitIn(caller, expressions, method, arguments, target, value);
				return value;
			});
		}
		emit(expressions, evaluationContext(method, arguments, target, result));
		return result;
	}

	/**
	 * Emits for an asynchronous result, on whatever thread completed it, within the caller's {@link PaidContext}.
	 */
	private void emitIn(@Nullable PaidAttribution caller, PaidSignalExpressions expressions, Method method,
			Object[] arguments, @Nullable Object target, @Nullable Object value) {
		try (PaidContext.Scope scope = PaidContext.enter(caller)) {
			emit(expressions, evaluationContext(method, arguments, target, value));
		}
	}

	private void emit(PaidSignalExpressions expressions, EvaluationContext context) {
		SignalBuilder signal = this.signals.get().emit(expressions.eventName);
		String customer = text(expressions.customer, context);
		String customerId = text(expressions.customerId, context);
		if (customer != null) {
			signal.customer(customer);
		}
		else if (customerId != null) {
			signal.customerId(customerId);
		}
		String product = text(expressions.product, context);
		String productId = text(expressions.productId, context);
		if (product != null) {
			signal.product(product);
		}
		else if (productId != null) {
			signal.productId(productId);
		}
		for (Map.Entry<String, Expression> entry : expressions.data.entrySet()) {
			signal.data(entry.getKey(), entry.getValue().getValue(context));
		}
		Object quantity = PaidSignalExpressions.value(expressions.quantity, context);
		if (quantity instanceof Number number) {
			signal.quantity(number);
		}
		else if (quantity != null) {
			throw new IllegalStateException("@PaidSignal('" + expressions.eventName + "'): quantity must evaluate to a "
					+ "number, was " + quantity.getClass().getName());
		}
		String user = text(expressions.user, context);
		if (user != null) {
			signal.user(user);
		}
		String key = text(expressions.idempotencyKey, context);
		if (key != null) {
			signal.idempotencyKey(key);
		}
		if (expressions.attachCosts) {
			signal.withCosts();
		}
		signal.send();
	}

	private EvaluationContext evaluationContext(Method method, Object[] arguments, @Nullable Object target,
			@Nullable Object result) {
		MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(new Root(target, arguments, result),
				method, arguments, parameterNames);
		context.setVariable("args", arguments);
		context.setVariable("result", result);
		if (this.beanFactory != null) {
			context.setBeanResolver(new BeanFactoryResolver(this.beanFactory));
		}
		return context;
	}

	private static @Nullable String text(@Nullable Expression expression,
			EvaluationContext context) {
		Object value = PaidSignalExpressions.value(expression, context);
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return text.isBlank() ? null : text;
	}

	/**
	 * The root object of {@link PaidSignal} expressions.
	 *
	 * @param target the bean the method was called on
	 * @param args the arguments
	 * @param result the return value
	 */
	record Root(@Nullable Object target, Object[] args, @Nullable Object result) {
	}

}
