package ai.paid.spring.webhook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import tools.jackson.databind.JsonNode;

/**
 * Finds {@link PaidWebhookListener} methods on beans as they are created, and invokes the ones that match an event.
 */
public final class PaidWebhookListenerMethods implements BeanPostProcessor {

	private final List<ListenerMethod> methods = new CopyOnWriteArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		Map<Method, PaidWebhookListener> annotated = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<PaidWebhookListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, PaidWebhookListener.class));
		annotated.forEach((method, annotation) -> this.methods.add(listener(bean, beanName, method, annotation)));
		return bean;
	}

	private static ListenerMethod listener(Object bean, String beanName, Method method,
			PaidWebhookListener annotation) {
		Class<?>[] parameters = method.getParameterTypes();
		if (parameters.length != 1 || !(PaidWebhookEvent.class.isAssignableFrom(parameters[0])
				|| parameters[0] == PaidWebhookDelivery.class || parameters[0] == JsonNode.class)) {
			throw new IllegalStateException("@PaidWebhookListener method " + method.getDeclaringClass().getName() + "."
					+ method.getName() + " (bean '" + beanName + "') must take exactly one parameter: "
					+ "PaidWebhookEvent or one of its subtypes, PaidWebhookDelivery, or JsonNode (the payload)");
		}
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		ReflectionUtils.makeAccessible(invocable);
		return new ListenerMethod(bean, invocable, Set.of(annotation.value()), parameters[0]);
	}

	int size() {
		return this.methods.size();
	}

	/**
	 * Invokes every listener method for the event, in registration order; the first exception stops and propagates.
	 * @param event the event
	 */
	void invoke(PaidWebhookEvent event) {
		for (ListenerMethod listener : this.methods) {
			listener.invokeIfMatching(event);
		}
	}

	private record ListenerMethod(Object bean, Method method, Set<String> events, Class<?> parameter) {

		void invokeIfMatching(PaidWebhookEvent event) {
			if (!this.events.isEmpty() && !this.events.contains(event.name())) {
				return;
			}
			Object argument;
			if (this.parameter == PaidWebhookDelivery.class) {
				argument = event.delivery();
			}
			else if (this.parameter == JsonNode.class) {
				argument = event.payload();
			}
			else if (this.parameter.isInstance(event)) {
				argument = event;
			}
			else {
				return;
			}
			try {
				this.method.invoke(this.bean, argument);
			}
			catch (InvocationTargetException ex) {
				ReflectionUtils.rethrowRuntimeException(ex.getTargetException());
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException("Cannot invoke " + this.method, ex);
			}
		}

	}

}
