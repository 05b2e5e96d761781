package ai.paid.spring.signal;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.expression.AnnotatedElementKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * The parsed form of one method's {@link PaidSignal}; {@link Cache} parses it once per method and target class, on the
 * first call.
 */
final class PaidSignalExpressions {

	private static final ExpressionParser PARSER = new SpelExpressionParser();

	final String eventName;

	final @Nullable Expression customer;

	final @Nullable Expression customerId;

	final @Nullable Expression product;

	final @Nullable Expression productId;

	final Map<String, Expression> data;

	final @Nullable Expression quantity;

	final @Nullable Expression user;

	final @Nullable Expression idempotencyKey;

	final boolean attachCosts;

	private PaidSignalExpressions(PaidSignal annotation, Method method) {
		this.eventName = annotation.value();
		this.customer = parse(annotation.customer());
		this.customerId = parse(annotation.customerId());
		this.product = parse(annotation.product());
		this.productId = parse(annotation.productId());
		this.quantity = parse(annotation.quantity());
		this.user = parse(annotation.user());
		this.idempotencyKey = parse(annotation.idempotencyKey());
		this.attachCosts = annotation.attachCosts();
		Map<String, Expression> data = new LinkedHashMap<>();
		for (String entry : annotation.data()) {
			int separator = entry.indexOf('=');
			if (separator <= 0 || separator == entry.length() - 1) {
				throw new IllegalStateException("@PaidSignal on " + method + ": data entry '" + entry
						+ "' must read key=expression");
			}
			data.put(entry.substring(0, separator).trim(), PARSER.parseExpression(entry.substring(separator + 1)));
		}
		this.data = data;
	}

	static @Nullable Object value(@Nullable Expression expression, EvaluationContext context) {
		return (expression != null) ? expression.getValue(context) : null;
	}

	private static @Nullable Expression parse(String expression) {
		return expression.isBlank() ? null : PARSER.parseExpression(expression);
	}

	/**
	 * Parsed expressions per method and target class, held by the interceptor (not statically, so that a discarded
	 * application context does not keep its classes).
	 */
	static final class Cache {

		private final Map<AnnotatedElementKey, PaidSignalExpressions> parsed = new ConcurrentHashMap<>();

		@Nullable PaidSignalExpressions get(Method method, Class<?> targetClass) {
			AnnotatedElementKey key = new AnnotatedElementKey(method, targetClass);
			PaidSignalExpressions cached = this.parsed.get(key);
			if (cached != null) {
				return cached;
			}
			PaidSignal annotation = AnnotatedElementUtils.findMergedAnnotation(method, PaidSignal.class);
			if (annotation == null) {
				return null;
			}
			return this.parsed.computeIfAbsent(key, (k) -> new PaidSignalExpressions(annotation, method));
		}

	}

}
