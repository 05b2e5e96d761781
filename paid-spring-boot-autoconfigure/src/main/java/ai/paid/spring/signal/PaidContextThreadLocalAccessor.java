package ai.paid.spring.signal;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets Micrometer context propagation carry the current {@link PaidContext} scope to other threads (task executors
 * decorated with {@code ContextPropagatingTaskDecorator}, Reactor with automatic context propagation). Registered with
 * the {@code ContextRegistry} through {@code META-INF/services}, so it works without Spring too.
 */
public final class PaidContextThreadLocalAccessor implements ThreadLocalAccessor<PaidAttribution> {

	/** The key under which the attribution travels in a context snapshot or a Reactor context. */
	public static final String KEY = "ai.paid.context";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable PaidAttribution getValue() {
		return PaidContext.current();
	}

	@Override
	public void setValue(PaidAttribution value) {
		PaidContext.set(value);
	}

	@Override
	public void setValue() {
		PaidContext.set(null);
	}

}
