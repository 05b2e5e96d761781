package ai.paid.spring.signal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.paid.spring.client.SignalAttribution;
import ai.paid.spring.client.SignalCustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PaidContextTests {

	@AfterEach
	void noScopeLeaks() {
		assertThat(PaidContext.current()).isNull();
	}

	@Test
	void openScopeIsCurrentUntilClosed() {
		try (PaidContext.Scope scope = PaidContext.customer("acme").product("ai-sdr").open()) {
			assertThat(PaidContext.current()).isEqualTo(new PaidAttribution(SignalCustomer.byExternalId("acme"),
					SignalAttribution.byExternalId("ai-sdr")));
		}
		assertThat(PaidContext.current()).isNull();
	}

	@Test
	void innerScopeKeepsWhatItDoesNotName() {
		try (PaidContext.Scope outer = PaidContext.customerId("cus_1").product("ai-sdr").open()) {
			try (PaidContext.Scope inner = PaidContext.productId("prod_2").open()) {
				assertThat(PaidContext.current()).isEqualTo(
						new PaidAttribution(SignalCustomer.byId("cus_1"), SignalAttribution.byId("prod_2")));
			}
			assertThat(PaidContext.current().product()).isEqualTo(SignalAttribution.byExternalId("ai-sdr"));
		}
	}

	@Test
	void runGetAndCallEnterTheScopeAndLeaveIt() throws Exception {
		PaidContext.customer("acme").run(() -> assertThat(PaidContext.current().customer().externalCustomerId())
			.isEqualTo("acme"));
		assertThat(PaidContext.customer("a").get(() -> PaidContext.current().customer().externalCustomerId()))
			.isEqualTo("a");
		assertThat(PaidContext.customer("b").call(() -> PaidContext.current().customer().externalCustomerId()))
			.isEqualTo("b");
	}

	@Test
	void scopeIsRestoredWhenTheActionThrows() {
		try {
			PaidContext.customer("acme").run(() -> {
				throw new IllegalStateException("boom");
			});
		}
		catch (IllegalStateException expected) {
		}
		assertThat(PaidContext.current()).isNull();
	}

	@Test
	void blankIdsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> PaidContext.customer(" "))
			.withMessageContaining("externalCustomerId");
	}

	@Test
	void contextPropagationCarriesTheScopeToAnotherThread() throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			CompletableFuture<PaidAttribution> seen = new CompletableFuture<>();
			try (PaidContext.Scope scope = PaidContext.customer("acme").open()) {
				Runnable capture = () -> seen.complete(PaidContext.current());
				executor.execute(ContextSnapshotFactory.builder().build().captureAll().wrap(capture));
			}
			assertThat(seen.get().customer()).isEqualTo(SignalCustomer.byExternalId("acme"));
			assertThat(executor.submit(PaidContext::current).get()).isNull();
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void nestedScopesOfOneCustomerShareTheirCostScopeAndAnotherCustomerGetsItsOwn() {
		PaidContext.customer("acme").run(() -> {
			CostScope outer = PaidContext.current().costScope();
			assertThat(outer).isNotNull();
			PaidContext.product("ai-sdr").run(() -> assertThat(PaidContext.current().costScope()).isSameAs(outer));
			PaidContext.customer("acme").run(() -> assertThat(PaidContext.current().costScope()).isSameAs(outer));
			PaidContext.customer("globex").run(() -> assertThat(PaidContext.current().costScope()).isNotNull()
				.isNotSameAs(outer));
		});
		PaidContext.customer("acme").run(() -> assertThat(PaidContext.current().costScope()).isNotNull());
	}

	@Test
	void rotatingACostScopeHandsOutTheCurrentIdAndStartsANewOne() {
		CostScope scope = new CostScope();
		long first = scope.id();
		assertThat(scope.rotate()).isEqualTo(first);
		assertThat(scope.id()).isNotEqualTo(first).isPositive().isLessThan(1L << 53);
	}

}
