package ai.paid.spring.outbox;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The outbox's schema scripts, read from the classpath by {@link OutboxSchemaInitializer} and named by
 * {@link OutboxSchemaValidator}, kept in a native image. Registered through {@code META-INF/spring/aot.factories}.
 */
class OutboxRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("ai/paid/spring/outbox/schema-*.sql");
	}

}
