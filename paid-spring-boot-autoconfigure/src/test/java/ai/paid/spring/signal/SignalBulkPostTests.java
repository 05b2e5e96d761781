package ai.paid.spring.signal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import ai.paid.spring.client.PaidApiException;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.PaidRetryPolicy;
import ai.paid.spring.client.Signal;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.client.WebClientPaidClient;
import ai.paid.spring.signal.SignalObserver.FailureReason;
import ai.paid.spring.signal.SignalObserver.Path;
import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockPaidServerExtension;
import ai.paid.spring.test.RequestMatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one way both signal paths isolate bad signals: halving a malformed batch.
 */
class SignalBulkPostTests {

	@RegisterExtension
	static final MockPaidServerExtension mock = new MockPaidServerExtension();

	private final String customer = "acme-" + UUID.randomUUID();

	private final AtomicInteger rejected = new AtomicInteger();

	private final AtomicInteger ingested = new AtomicInteger();

	private final List<Signal> done = new CopyOnWriteArrayList<>();

	private final List<Signal> failed = new CopyOnWriteArrayList<>();

	private final SignalBulkPost post = new SignalBulkPost(client(), new SignalObserver() {

		@Override
		public void sent(Path path, int ingested, int duplicates) {
			SignalBulkPostTests.this.ingested.addAndGet(ingested);
		}

		@Override
		public void failed(Path path, FailureReason reason, int count) {
			if (reason == FailureReason.REJECTED) {
				SignalBulkPostTests.this.rejected.addAndGet(count);
			}
		}

	}, Path.TRANSACTIONAL);

	private final SignalBulkPost.Outcome<Signal> outcome = new SignalBulkPost.Outcome<>() {

		@Override
		public void done(List<Signal> signals) {
			SignalBulkPostTests.this.done.addAll(signals);
		}

		@Override
		public Mono<Void> failed(List<Signal> signals, Throwable ex) {
			SignalBulkPostTests.this.failed.addAll(signals);
			return Mono.empty();
		}

	};

	private static MockPaidServer paid() {
		return mock.server();
	}

	private static PaidClient client() {
		return WebClientPaidClient.builder()
			.baseUrl(paid().baseUrl())
			.apiKey(paid().apiKey())
			.retryPolicy(PaidRetryPolicy.none())
			.build();
	}

	@Test
	void aMalformedBatchIsHalvedUntilTheBadSignalIsAloneAndTheRestIsSent() {
		List<Signal> batch = IntStream.range(0, 8).mapToObj((i) -> (i == 5) ? malformed() : signal()).toList();
		this.post.send(batch, Function.identity(), this.outcome).block(Duration.ofSeconds(10));
		assertThat(this.done).containsExactlyInAnyOrderElementsOf(batch);
		assertThat(this.failed).isEmpty();
		assertThat(this.rejected).hasValue(1);
		assertThat(this.ingested).hasValue(7);
		assertThat(paid().signals()).hasSize(7);
		// 8 -> 4 + 4 -> 2 + 2 -> 1 + 1: seven requests, where one signal per request after the first would take nine
		assertThat(paid().requests("POST", "/signals/bulk")).hasSize(7);
	}

	@Test
	void aBatchThatFailsForAnotherReasonGoesBackWholeToTheCaller() {
		paid().failNext(1, 503, RequestMatch.of("POST", "/signals/bulk"));
		List<Signal> batch = List.of(signal(), signal(), signal());
		this.post.send(batch, Function.identity(), this.outcome).block(Duration.ofSeconds(10));
		assertThat(this.failed).containsExactlyElementsOf(batch);
		assertThat(this.done).isEmpty();
		assertThat(this.rejected).hasValue(0);
		assertThat(paid().requests("POST", "/signals/bulk")).hasSize(1);
	}

	@Test
	void malformedMeansRejectedByPaidOrNotWritableAsJson() {
		assertThat(SignalBulkPost.isMalformed(new PaidApiException("bad", 400, null, null, null, false, null, null)))
			.isTrue();
		assertThat(SignalBulkPost.isMalformed(new PaidApiException("down", 503, null, null, null, true, null, null)))
			.isFalse();
		assertThat(SignalBulkPost.isMalformed(new PaidApiException("no response", 0, null, null, null, true, null,
				new org.springframework.core.codec.EncodingException("not serialisable"))))
			.isTrue();
		assertThat(SignalBulkPost.isMalformed(new IllegalStateException("connection reset"))).isFalse();
	}

	private Signal signal() {
		return new Signal("email_sent", SignalCustomer.byExternalId(this.customer), null, null, null,
				UUID.randomUUID().toString());
	}

	private Signal malformed() {
		// no event name: Paid answers 400 for the whole request
		return new Signal(null, SignalCustomer.byExternalId(this.customer), null, null, null,
				UUID.randomUUID().toString());
	}

}
