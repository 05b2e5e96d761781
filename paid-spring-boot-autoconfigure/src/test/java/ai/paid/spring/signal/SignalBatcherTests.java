package ai.paid.spring.signal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidSignalsAutoConfiguration;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RecordedRequest;
import ai.paid.spring.test.RequestMatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The in-memory path, against the mock Paid server.
 */
class SignalBatcherTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private static final RequestMatch SIGNALS = RequestMatch.of("POST", "/signals/bulk");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaidClientAutoConfiguration.class, PaidSignalsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("paid.base-url=" + paid().baseUrl(), "paid.api-key=" + paid().apiKey());

	/** Unique per test, so that a request a previous test left in flight is never counted here. */
	private final String customer = "acme-" + java.util.UUID.randomUUID();

	private List<RecordedRequest> requests() {
		return paid().requests("POST", "/signals/bulk")
			.stream()
			.filter((request) -> isOurs(request.jsonBody().get("signals").get(0).get("customer").toString()))
			.toList();
	}

	private List<Map<String, Object>> signals() {
		return paid().signals()
			.stream()
			.filter((signal) -> isOurs(String.valueOf(signal.get("customer"))))
			.toList();
	}

	private boolean isOurs(String customer) {
		return customer.contains(this.customer);
	}

	private static MockPaidServer paid() {
		return mock.server();
	}

	@Test
	void fullBatchesLeaveAtOnceAndTheRestAtShutdown() {
		this.runner.withPropertyValues("paid.signals.batch-size=10", "paid.signals.flush-interval=1h").run((context) -> {
			PaidSignals signals = context.getBean(PaidSignals.class);
			IntStream.range(0, 25).forEach((i) -> signals.emit("email_sent").customer(this.customer).send());
			await().untilAsserted(() -> assertThat(batchSizes()).containsExactly(10, 10));
			context.close();
			assertThat(batchSizes()).containsExactly(10, 10, 5);
			assertThat(signals()).hasSize(25);
		});
	}

	@Test
	void aPartialBatchLeavesAfterTheFlushInterval() {
		this.runner.withPropertyValues("paid.signals.flush-interval=100ms").run((context) -> {
			PaidSignals signals = context.getBean(PaidSignals.class);
			long start = System.nanoTime();
			IntStream.range(0, 3).forEach((i) -> signals.emit("email_sent").customer(this.customer).send());
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(batchSizes()).containsExactly(3));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		});
	}

	@Test
	void shutdownSendsWhatIsBufferedAndRejectsLaterSignals() {
		this.runner.withPropertyValues("paid.signals.flush-interval=1h").run((context) -> {
			PaidSignals signals = context.getBean(PaidSignals.class);
			IntStream.range(0, 5).forEach((i) -> signals.emit("email_sent").customer(this.customer).send());
			assertThat(signals()).isEmpty();
			context.close();
			assertThat(signals()).hasSize(5);
			assertThatIllegalStateException().isThrownBy(() -> signals.emit("email_sent").customer(this.customer).send())
				.withMessageContaining("shut down");
		});
	}

	@Test
	void signalsEmittedBeforeTheContextStartedAreSentWhenItStarts() {
		this.runner.run((context) -> {
			SignalBatcher batcher = context.getBean(SignalBatcher.class);
			batcher.stop();
			assertThat(batcher.isRunning()).isFalse();
			SignalBatcher fresh = new SignalBatcher(context.getBean(ai.paid.spring.client.PaidClient.class),
					SignalBatcherSettings.defaults(), SignalObserver.NONE);
			PaidSignals signals = new PaidSignals(fresh, null);
			signals.emit("email_sent").customer(this.customer).send();
			assertThat(requests()).isEmpty();
			fresh.start();
			await().untilAsserted(() -> assertThat(signals()).hasSize(1));
			fresh.destroy();
			assertThatIllegalStateException().isThrownBy(() -> signals.emit("email_sent").customer(this.customer).send());
		});
	}

	@Test
	void aRetryAfterAnUnansweredRequestReusesTheKeysAndPaidCountsDuplicates() {
		paid().crashAfterProcessing(1, SIGNALS);
		this.runner.withPropertyValues("paid.signals.flush-interval=20ms", "paid.retry.initial-backoff=10ms")
			.run((context) -> {
				PaidSignals signals = context.getBean(PaidSignals.class);
				IntStream.range(0, 4).forEach((i) -> signals.emit("email_sent").customer(this.customer).send());
				await().untilAsserted(() -> assertThat(counter(context, "paid.signals.sent", "duplicate")).isEqualTo(4));
				List<RecordedRequest> requests = requests();
				assertThat(requests).hasSize(2);
				assertThat(keys(requests.get(1))).isEqualTo(keys(requests.get(0))).hasSize(4).doesNotHaveDuplicates();
				assertThat(signals()).hasSize(4);
			});
	}

	@Test
	void theBatcherResendsWithTheSameKeysWhenTheClientGivesUp() {
		paid().failNext(2, 503, SIGNALS);
		this.runner
			.withPropertyValues("paid.retry.enabled=false", "paid.signals.flush-interval=20ms",
					"paid.signals.retry-backoff=10ms", "paid.signals.max-attempts=3")
			.run((context) -> {
				PaidSignals signals = context.getBean(PaidSignals.class);
				IntStream.range(0, 3).forEach((i) -> signals.emit("email_sent").customer(this.customer).send());
				await().untilAsserted(() -> assertThat(signals()).hasSize(3));
				List<RecordedRequest> requests = requests();
				assertThat(requests).hasSize(3);
				assertThat(keys(requests.get(2))).isEqualTo(keys(requests.get(0)));
				await().untilAsserted(() -> assertThat(counter(context, "paid.signals.sent", "ingested")).isEqualTo(3));
			});
	}

	@Test
	void signalsAreCountedAsFailedWhenEveryAttemptFails() {
		paid().failFor(Duration.ofMinutes(1), 503, SIGNALS);
		this.runner
			.withPropertyValues("paid.retry.enabled=false", "paid.signals.flush-interval=20ms",
					"paid.signals.retry-backoff=10ms", "paid.signals.max-attempts=2")
			.run((context) -> {
				PaidSignals signals = context.getBean(PaidSignals.class);
				IntStream.range(0, 3).forEach((i) -> signals.emit("email_sent").customer(this.customer).send());
				await().untilAsserted(() -> assertThat(failed(context, "gave_up")).isEqualTo(3));
				assertThat(requests()).hasSize(2);
			});
	}

	@Test
	void aSignalWhoseDataCannotBeWrittenIsIsolatedAndTheRestOfItsBatchIsSent() {
		this.runner.withPropertyValues("paid.signals.flush-interval=200ms", "paid.retry.initial-backoff=10ms")
			.run((context) -> {
				PaidSignals signals = context.getBean(PaidSignals.class);
				IntStream.range(0, 3).forEach((i) -> signals.emit("email_sent").customer(this.customer).send());
				signals.emit("email_sent").customer(this.customer).data("bad", new Unwritable()).send();
				IntStream.range(0, 3).forEach((i) -> signals.emit("email_sent").customer(this.customer).send());
				await().untilAsserted(() -> assertThat(failed(context, "rejected")).isEqualTo(1));
				await().untilAsserted(() -> assertThat(signals()).hasSize(6));
				assertThat(failed(context, "gave_up")).isZero();
			});
	}

	@Test
	void fullBufferFailsFastUnderTheFailPolicy() {
		paid().latency(Duration.ofSeconds(2));
		this.runner
			.withPropertyValues("paid.signals.overflow=fail", "paid.signals.buffer-capacity=2",
					"paid.signals.batch-size=1", "paid.signals.max-in-flight=1", "paid.signals.shutdown-timeout=0s")
			.run((context) -> {
				PaidSignals signals = context.getBean(PaidSignals.class);
				assertThatExceptionOfType(SignalBufferFullException.class).isThrownBy(() -> {
					for (int i = 0; i < 10; i++) {
						signals.emit("email_sent").customer(this.customer).send();
					}
				}).withMessageContaining("buffer of 2 signals is full").withMessageContaining("fail");
				assertThat(failed(context, "buffer_full")).isEqualTo(1);
			});
	}

	@Test
	void fullBufferBlocksForTheOfferTimeoutThenFailsUnderTheBlockPolicy() {
		paid().latency(Duration.ofSeconds(2));
		this.runner
			.withPropertyValues("paid.signals.overflow=block", "paid.signals.offer-timeout=200ms",
					"paid.signals.buffer-capacity=2", "paid.signals.batch-size=1", "paid.signals.max-in-flight=1",
					"paid.signals.shutdown-timeout=0s")
			.run((context) -> {
				PaidSignals signals = context.getBean(PaidSignals.class);
				long[] lastEmit = new long[1];
				assertThatExceptionOfType(SignalBufferFullException.class).isThrownBy(() -> {
					for (int i = 0; i < 10; i++) {
						lastEmit[0] = System.nanoTime();
						signals.emit("email_sent").customer(this.customer).send();
					}
				}).withMessageContaining("block");
				assertThat(Duration.ofNanos(System.nanoTime() - lastEmit[0]))
					.isGreaterThanOrEqualTo(Duration.ofMillis(200));
			});
	}

	@Test
	void aSignalWithoutCustomerIsRejectedAtTheCallSite() {
		this.runner.run((context) -> {
			PaidSignals signals = context.getBean(PaidSignals.class);
			assertThatExceptionOfType(SignalCustomerMissingException.class)
				.isThrownBy(() -> signals.emit("email_sent").product("ai-sdr").send())
				.withMessageContaining("'email_sent' has no customer")
				.withMessageContaining("PaidContext.customer");
		});
	}

	@Test
	void theContextSuppliesCustomerAndProduct() {
		this.runner.withPropertyValues("paid.signals.flush-interval=10ms").run((context) -> {
			PaidSignals signals = context.getBean(PaidSignals.class);
			PaidContext.customer(this.customer).product("ai-sdr").run(() -> signals.emit("email_sent").send());
			PaidContext.customer(this.customer).run(() -> signals.emit("call_completed").customerId("cus_" + this.customer).send());
			await().untilAsserted(() -> assertThat(signals()).hasSize(2));
			assertThat(signals().get(0)).containsEntry("customer", Map.of("externalCustomerId", this.customer))
				.containsEntry("attribution", Map.of("externalProductId", "ai-sdr"));
			assertThat(signals().get(1)).containsEntry("customer", Map.of("customerId", "cus_" + this.customer))
				.doesNotContainKey("attribution");
		});
	}

	/** A data value Jackson fails on. */
	public static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("not serialisable");
		}

	}

	private List<Integer> batchSizes() {
		return requests()
			.stream()
			.map((request) -> request.jsonBody().get("signals").size())
			.toList();
	}

	private static List<String> keys(RecordedRequest request) {
		return request.jsonBody()
			.get("signals")
			.valueStream()
			.map((signal) -> signal.get("idempotencyKey").asString())
			.toList();
	}

	static double counter(org.springframework.context.ApplicationContext context, String name, String outcome) {
		var counter = context.getBean(MeterRegistry.class).find(name).tag("path", "buffered").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	static double failed(org.springframework.context.ApplicationContext context, String reason) {
		var counter = context.getBean(MeterRegistry.class).find("paid.signals.failed").tag("path", "buffered").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
