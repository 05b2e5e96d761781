package ai.paid.spring.benchmarks;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.web.reactive.function.client.WebClient;

import ai.paid.spring.client.BulkSignalsResponse;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.WebClientPaidClient;
import ai.paid.spring.signal.PaidContext;
import ai.paid.spring.signal.PaidSignals;
import ai.paid.spring.signal.SignalBatcher;
import ai.paid.spring.signal.SignalBatcherSettings;
import ai.paid.spring.signal.SignalObserver;
import ai.paid.spring.signal.SignalOverflowPolicy;
import ai.paid.spring.test.MockPaidServer;

/**
 * Measures {@link PaidSignals} outside a transaction.
 * <ol>
 * <li><b>emit</b>: {@code emit(...).quantity(1).send()} on the caller's thread, customer and product from a
 * {@link PaidContext} scope, into the batcher (default 10,000-signal buffer, policy block, so a caller that outruns
 * the sender waits and that wait counts in its latency) while its sender thread drains it to a client that
 * acknowledges at once: signals/s and per-emit latency (p50/p99/p99.9/max), for 1 and for {@code --threads}
 * callers.</li>
 * <li><b>end-to-end</b>: the same through the real WebClient-based client to an in-process {@link MockPaidServer}
 * (client, batcher and server share the machine's cores); the clock stops when the mock server has acknowledged every
 * signal: signals/s delivered.</li>
 * <li><b>end-to-end, bare server</b>: the same against an HTTP server that only counts the signals and answers, to
 * show what the starter sustains when the receiver is not sharing its cores.</li>
 * </ol>
 * Bounded in time: each phase runs a fixed number of signals ({@code --signals}, default 2,000,000, and
 * {@code --e2e-signals}, default 300,000) after a warm-up run, and gives up after {@code --timeout-seconds} (default
 * 60).
 * <p>
 * Run: {@code ./mvnw -B -q -pl paid-spring-boot-benchmarks -am package -DskipTests && java -Xmx1g
 * -Dloader.main=ai.paid.spring.benchmarks.SignalsBenchmark -cp
 * paid-spring-boot-benchmarks/target/paid-spring-boot-benchmarks.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher}
 */
public final class SignalsBenchmark {

	private SignalsBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args optional {@code --signals=N}, {@code --e2e-signals=N}, {@code --threads=N} (default 2),
	 * {@code --batch-size=N} (default 100), {@code --in-flight=N} (default 4), {@code --phase=all|emit|e2e},
	 * {@code --timeout-seconds=N}
	 * @throws Exception when a phase fails
	 */
	public static void main(String[] args) throws Exception {
		int signals = intArg(args, "signals", 2_000_000);
		int e2eSignals = intArg(args, "e2e-signals", 300_000);
		int threads = intArg(args, "threads", 2);
		int batchSize = intArg(args, "batch-size", 100);
		int inFlight = intArg(args, "in-flight", 4);
		String phase = stringArg(args, "phase", "all");
		Duration timeout = Duration.ofSeconds(intArg(args, "timeout-seconds", 60));
		System.out.printf(Locale.ROOT,
				"Signals benchmark: %d cores, Java %s, max heap %d MB, batch size %d, %d batches in flight%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20, batchSize, inFlight);
		if (!phase.equals("e2e")) {
			Run emit = new Run(InstantPaid.create(), null, batchSize, inFlight, timeout);
			emit.emit(signals / 4, 1, false);
			emit.emit(signals, 1, true);
			emit.emit(signals, threads, true);
		}
		if (!phase.equals("emit")) {
			try (MockPaidServer server = new MockPaidServer().start()) {
				PaidClient client = WebClientPaidClient.builder(WebClient.builder())
					.baseUrl(server.baseUrl())
					.apiKey(server.apiKey())
					.build();
				Run endToEnd = new Run(client, server, batchSize, inFlight, timeout);
				endToEnd.emit(e2eSignals / 5, 1, false);
				endToEnd.emit(e2eSignals, 1, true);
			}
			DisposableServer bare = bareSignalsServer();
			try {
				PaidClient client = WebClientPaidClient.builder(WebClient.builder())
					.baseUrl("http://127.0.0.1:" + bare.port() + "/api/v2")
					.apiKey("bench")
					.build();
				Run endToEnd = new Run(client, null, batchSize, inFlight, timeout);
				endToEnd.emit(e2eSignals / 5, 1, false);
				endToEnd.emit(e2eSignals, 1, true);
			}
			finally {
				bare.disposeNow();
			}
		}
	}

	/** One configuration of client, optional mock server and batcher. */
	private record Run(PaidClient client, MockPaidServer server, int batchSize, int inFlight, Duration timeout) {

		void emit(int signals, int threads, boolean report) throws InterruptedException {
			if (this.server != null) {
				this.server.reset();
				this.server.recordedRequestLimit(100);
			}
			Acknowledged acknowledged = new Acknowledged();
			SignalBatcher batcher = new SignalBatcher(this.client,
					new SignalBatcherSettings(10_000, this.batchSize, Duration.ofMillis(250), SignalOverflowPolicy.BLOCK,
							this.timeout, this.inFlight, 5, Duration.ofSeconds(1), this.timeout),
					acknowledged);
			batcher.start();
			PaidSignals paidSignals = new PaidSignals(batcher, null);
			int perThread = signals / threads;
			LatencyRecorder latencies = new LatencyRecorder(perThread * threads);
			CountDownLatch start = new CountDownLatch(1);
			Thread[] callers = new Thread[threads];
			for (int t = 0; t < threads; t++) {
				callers[t] = new Thread(() -> {
					await(start);
					PaidContext.customer("acme").product("ai-sdr").run(() -> {
						for (int i = 0; i < perThread; i++) {
							long begin = System.nanoTime();
							paidSignals.emit("email_sent").quantity(1).send();
							latencies.record(System.nanoTime() - begin);
						}
					});
				}, "caller-" + t);
				callers[t].start();
			}
			long begin = System.nanoTime();
			start.countDown();
			for (Thread caller : callers) {
				caller.join(this.timeout.toMillis());
			}
			long emitted = System.nanoTime() - begin;
			long deadline = begin + this.timeout.toNanos();
			while (acknowledged.count() < (long) perThread * threads && System.nanoTime() < deadline) {
				Thread.sleep(1);
			}
			long delivered = System.nanoTime() - begin;
			batcher.stop();
			if (!report) {
				return;
			}
			LatencyRecorder.Summary summary = latencies.summarize();
			String target = (this.server != null) ? "MockPaidServer over HTTP"
					: (this.client instanceof WebClientPaidClient) ? "bare HTTP server" : "instant-ack client";
			System.out.printf(Locale.ROOT,
					"%s, %d caller thread(s): emitted %,d in %.0f ms = %,.0f signals/s into the batcher; emit latency "
							+ "p50 %.2f us, p99 %.2f us, p99.9 %.2f us, max %.0f us%n",
					target, threads, summary.count(), emitted / 1e6, summary.count() / (emitted / 1e9),
					summary.p50Nanos() / 1e3, summary.p99Nanos() / 1e3, summary.p999Nanos() / 1e3,
					summary.maxNanos() / 1e3);
			System.out.printf(Locale.ROOT,
					"  delivered: %,d acknowledged in %.0f ms = %,.0f signals/s end-to-end (%,d POSTs, %,d failed)%n",
					acknowledged.count(), delivered / 1e6, acknowledged.count() / (delivered / 1e9),
					acknowledged.batches(), acknowledged.failed());
		}

	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String stringArg(String[] args, String name, String defaultValue) {
		String prefix = "--" + name + "=";
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				return arg.substring(prefix.length());
			}
		}
		return defaultValue;
	}

	private static int intArg(String[] args, String name, int defaultValue) {
		return Integer.parseInt(stringArg(args, name, String.valueOf(defaultValue)).replace("_", ""));
	}

	/**
	 * An HTTP server that answers {@code POST /signals/bulk} with the count of signals in the body and does nothing
	 * else: what the starter alone sustains over real HTTP when Paid is not the bottleneck (the mock server parses,
	 * validates and stores every signal on the same two cores).
	 */
	private static DisposableServer bareSignalsServer() {
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/api/v2/signals/bulk",
					(request, response) -> request.receive().aggregate().asString().flatMap((body) -> {
						int signals = count(body, "\"eventName\"");
						return response.header("Content-Type", "application/json")
							.sendString(Mono.just("{\"ingested\":" + signals + ",\"duplicates\":0,\"failed\":0}"))
							.then();
					})))
			.bindNow();
	}

	private static int count(String text, String token) {
		int count = 0;
		for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
			count++;
		}
		return count;
	}

	/**
	 * A {@link PaidClient} whose signals POST is acknowledged at once without any I/O, so that the emit phase
	 * measures the caller and the batcher, not the HTTP stack and the mock server competing for the same cores.
	 */
	private static final class InstantPaid {

		static PaidClient create() {
			return (PaidClient) Proxy.newProxyInstance(PaidClient.class.getClassLoader(),
					new Class<?>[] { PaidClient.class }, (proxy, method, args) -> {
						if (method.getName().equals("sendSignals")) {
							return Mono.just(new BulkSignalsResponse(((List<?>) args[0]).size(), 0, 0));
						}
						if (method.getName().equals("withoutRetries")) {
							return proxy;
						}
						throw new UnsupportedOperationException(method.getName());
					});
		}

	}

	/** Counts acknowledged signals through the batcher's metrics hook. */
	private static final class Acknowledged implements SignalObserver {

		private final LongAdder acknowledged = new LongAdder();

		private final LongAdder batches = new LongAdder();

		private final LongAdder failed = new LongAdder();

		@Override
		public void sent(Path path, int ingested, int duplicates) {
			this.acknowledged.add(ingested + duplicates);
		}

		@Override
		public void batch(int size) {
			this.batches.increment();
		}

		@Override
		public void failed(Path path, FailureReason reason, int count) {
			this.failed.add(count);
		}

		long count() {
			return this.acknowledged.sum();
		}

		long batches() {
			return this.batches.sum();
		}

		long failed() {
			return this.failed.sum();
		}

	}

}
