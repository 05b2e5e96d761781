package ai.paid.spring.sync.delivery;

import ai.paid.spring.sync.PaidContactData;
import ai.paid.spring.sync.PaidCustomerData;
import ai.paid.spring.sync.PaidOrderData;
import ai.paid.spring.sync.PaidOrderLine;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What the entity sync reads reflectively in a native image: the data records Jackson writes into and reads from
 * outbox payloads ({@link SyncPayloadCodec}), and the sync's schema scripts ({@link SyncSchemaInitializer}).
 * Registered through {@code META-INF/spring/aot.factories}.
 */
class SyncRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), PaidCustomerData.class,
				PaidContactData.class, PaidOrderData.class, PaidOrderLine.class);
		hints.resources().registerPattern("ai/paid/spring/sync/schema-*.sql");
	}

}
