package ai.paid.spring.signal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import ai.paid.spring.autoconfigure.PaidClientAutoConfiguration;
import ai.paid.spring.autoconfigure.PaidSignalsAutoConfiguration;
import ai.paid.spring.test.MockPaidServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class PaidSignalAnnotationTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PaidClientAutoConfiguration.class, PaidSignalsAutoConfiguration.class))
		.withPropertyValues("paid.base-url=" + mock.server().baseUrl(), "paid.api-key=" + mock.server().apiKey(),
				"paid.signals.flush-interval=10ms")
		.withBean(Agent.class);

	@Test
	void attributesAreSpelOverArgumentsAndResult() {
		this.runner.run((context) -> {
			Meeting meeting = context.getBean(Agent.class).book("acme", 45);
			await().untilAsserted(() -> assertThat(mock.server().signals()).hasSize(1));
			assertThat(mock.server().signals().get(0)).containsEntry("eventName", "meeting_booked")
				.containsEntry("customer", Map.of("externalCustomerId", "acme"))
				.containsEntry("attribution", Map.of("externalProductId", "ai-sdr"))
				.containsEntry("idempotencyKey", "meeting-" + meeting.id())
				.containsEntry("data", Map.of("minutes", 45, "room", "blue", "quantity", 2));
		});
	}

	@Test
	void nothingIsEmittedWhenTheMethodThrows() {
		this.runner.run((context) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> context.getBean(Agent.class).book("acme", -1));
			context.getBean(Agent.class).book("acme", 10);
			await().untilAsserted(() -> assertThat(mock.server().signals()).hasSize(1));
			assertThat(mock.server().requests("POST", "/signals/bulk")).hasSize(1);
		});
	}

	@Test
	void emptyAttributesFallBackToTheContext() {
		this.runner.run((context) -> {
			Agent agent = context.getBean(Agent.class);
			PaidContext.customer("acme").product("ai-sdr").run(agent::sendEmail);
			await().untilAsserted(() -> assertThat(mock.server().signals()).hasSize(1));
			assertThat(mock.server().signals().get(0)).containsEntry("eventName", "email_sent")
				.containsEntry("customer", Map.of("externalCustomerId", "acme"))
				.containsEntry("attribution", Map.of("externalProductId", "ai-sdr"));
		});
	}

	@Test
	void signalsInsideAUserScopeCarryExternalUserId() {
		this.runner.run((context) -> {
			Agent agent = context.getBean(Agent.class);
			PaidSignals signals = context.getBean(PaidSignals.class);
			try (PaidContext.Scope scope = PaidContext.customer("acme").product("ai-sdr").user("usr_jane_doe").open()) {
				agent.sendEmail();
				signals.emit("email_sent").idempotencyKey("by-builder").send();
				signals.emit("email_sent").user("usr_john").idempotencyKey("own-user").send();
				try (PaidContext.Scope inner = PaidContext.product("ai-sdr-lite").open()) {
					signals.emit("email_sent").idempotencyKey("nested").send();
				}
			}
			signals.emit("email_sent").customer("acme").idempotencyKey("outside").send();
			await().untilAsserted(() -> assertThat(mock.server().signals()).hasSize(5));
			Map<Object, Object> users = new java.util.HashMap<>();
			mock.server().signals().forEach((signal) -> users.put(signal.get("idempotencyKey"),
					(signal.get("data") != null) ? ((Map<?, ?>) signal.get("data")).get("external_user_id") : null));
			assertThat(users).containsEntry("by-builder", "usr_jane_doe")
				.containsEntry("own-user", "usr_john")
				.containsEntry("nested", "usr_jane_doe")
				.containsEntry("outside", null);
			assertThat(mock.server().signals()).filteredOn((signal) -> !List.of("by-builder", "own-user", "nested",
					"outside").contains(signal.get("idempotencyKey")))
				.singleElement()
				.satisfies((signal) -> assertThat(signal).containsEntry("data", Map.of("external_user_id", "usr_jane_doe")));
		});
	}

	@Test
	void noCustomerAnywhereIsAClearErrorForTheCaller() {
		this.runner.run((context) -> assertThatExceptionOfType(SignalCustomerMissingException.class)
			.isThrownBy(() -> context.getBean(Agent.class).sendEmail())
			.withMessageContaining("'email_sent' has no customer")
			.withMessageContaining("@PaidSignal"));
	}

	@Test
	void aMonoEmitsWhenItSucceedsWithItsValueAsResult() {
		this.runner.run((context) -> {
			Agent agent = context.getBean(Agent.class);
			Mono<Meeting> booking = PaidContext.customer("acme").get(() -> agent.bookLater(30));
			assertThat(mock.server().requests("POST", "/signals/bulk")).isEmpty();
			assertThat(booking.block()).isNotNull();
			assertThatIllegalArgumentException().isThrownBy(() -> agent.bookLater(-1).block());
			await().untilAsserted(() -> assertThat(mock.server().signals()).hasSize(1));
			assertThat(mock.server().signals().get(0)).containsEntry("eventName", "meeting_booked")
				.containsEntry("customer", Map.of("externalCustomerId", "acme"))
				.containsEntry("data", Map.of("minutes", 30));
		});
	}

	@Test
	void aFutureEmitsWhenItCompletesWithItsValueAsResult() {
		this.runner.run((context) -> {
			Agent agent = context.getBean(Agent.class);
			CompletableFuture<Meeting> gate = new CompletableFuture<>();
			CompletableFuture<Meeting> booking = PaidContext.customer("acme").get(() -> agent.bookWhen(gate));
			assertThat(booking).isNotDone();
			gate.complete(new Meeting("m-1", 20));
			assertThat(booking.join().id()).isEqualTo("m-1");
			await().untilAsserted(() -> assertThat(mock.server().signals()).hasSize(1));
			assertThat(mock.server().signals().get(0)).containsEntry("idempotencyKey", "meeting-m-1")
				.containsEntry("customer", Map.of("externalCustomerId", "acme"));
		});
	}

	record Meeting(String id, int minutes) {
	}

	static class Agent {

		private int meetings;

		@PaidSignal(value = "meeting_booked", customer = "#account", product = "'ai-sdr'",
				data = { "minutes=#result.minutes()", "room='blue'" }, quantity = "#args.length",
				idempotencyKey = "'meeting-' + #result.id()")
		public Meeting book(String account, int minutes) {
			if (minutes < 0) {
				throw new IllegalArgumentException("minutes");
			}
			return new Meeting(account + "-" + (++this.meetings), minutes);
		}

		@PaidSignal(value = "meeting_booked", data = "minutes=#result.minutes()")
		public Mono<Meeting> bookLater(int minutes) {
			return Mono.fromCallable(() -> book("later", minutes).minutes())
				.map((m) -> new Meeting("later", m))
				.subscribeOn(Schedulers.boundedElastic());
		}

		@PaidSignal(value = "meeting_booked", idempotencyKey = "'meeting-' + #result.id()")
		public CompletableFuture<Meeting> bookWhen(CompletableFuture<Meeting> gate) {
			return gate.thenApplyAsync((meeting) -> meeting);
		}

		@PaidSignal("email_sent")
		public void sendEmail() {
		}

	}

}
