package ai.paid.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import ai.paid.spring.test.MockPaidServer;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Measures {@link MockPaidServer}'s throughput and latency with a Reactor Netty client in the same JVM (so client and
 * server share the machine's cores, as in a real test run).
 * <p>
 * Two scenarios: {@code GET /customers/external/x} after seeding that customer, and {@code POST /signals/bulk} with
 * one signal (a unique idempotency key each, so every signal is stored). Each runs a warm-up, then until
 * {@code --requests} (default 200,000) or {@code --seconds} (default 20) is reached, with {@code --concurrency}
 * (default 64) requests in flight. Prints requests/s and p50/p99/p99.9/max latency.
 * <p>
 * Run: {@code ./mvnw -B -q -pl paid-spring-boot-benchmarks -am package -DskipTests && java -jar
 * paid-spring-boot-benchmarks/target/paid-spring-boot-benchmarks.jar}
 */
public final class MockServerBenchmark {

	private final HttpClient client;

	private final HttpClient jsonClient;

	private final int concurrency;

	private MockServerBenchmark(HttpClient client, int concurrency) {
		this.client = client;
		this.jsonClient = client
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
		this.concurrency = concurrency;
	}

	/**
	 * Run the benchmark.
	 * @param args optional {@code --requests=N}, {@code --seconds=N}, {@code --concurrency=N},
	 * {@code --warmup-seconds=N}, {@code --record-limit=N} (the mock's recorded request limit, default 10,000),
	 * {@code --scenario=all|get|signals}
	 */
	public static void main(String[] args) {
		int requests = intArg(args, "requests", 200_000);
		int seconds = intArg(args, "seconds", 20);
		int concurrency = intArg(args, "concurrency", 64);
		int warmupSeconds = intArg(args, "warmup-seconds", 5);
		int recordLimit = intArg(args, "record-limit", 10_000);
		String only = stringArg(args, "scenario", "all");
		System.out.printf(Locale.ROOT, "MockPaidServer benchmark: %d cores, Java %s, concurrency %d, "
				+ "at most %d requests or %d s per scenario (after a %d s warm-up)%n",
				Runtime.getRuntime().availableProcessors(), Runtime.version(), concurrency, requests, seconds,
				warmupSeconds);
		MockPaidServer server = new MockPaidServer().start().recordedRequestLimit(recordLimit);
		server.seedCustomer("Benchmark customer", "x");
		LoopResources loops = LoopResources.create("bench-client", 1, 2, true);
		ConnectionProvider connections = ConnectionProvider.builder("bench")
			.maxConnections(concurrency)
			.pendingAcquireMaxCount(-1)
			.build();
		HttpClient client = HttpClient.create(connections)
			.runOn(loops)
			.baseUrl(server.baseUrl())
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + server.apiKey()));
		MockServerBenchmark benchmark = new MockServerBenchmark(client, concurrency);
		try {
			if (only.equals("all") || only.equals("get")) {
				benchmark.scenario("GET /customers/external/x", benchmark::getCustomer, 200, requests, seconds,
						warmupSeconds);
			}
			if (only.equals("all") || only.equals("signals")) {
				benchmark.scenario("POST /signals/bulk (1 signal)", benchmark::postSignal, 200, requests, seconds,
						warmupSeconds);
			}
			System.out.printf(Locale.ROOT, "signals stored by the mock: %d%n", server.signals().size());
		}
		finally {
			connections.disposeLater().block(Duration.ofSeconds(5));
			loops.disposeLater().block(Duration.ofSeconds(5));
			server.stop();
		}
	}

	private void scenario(String name, LongFunction<Mono<Integer>> request, int expectedStatus, int requests,
			int seconds, int warmupSeconds) {
		run(request, expectedStatus, Integer.MAX_VALUE, Duration.ofSeconds(warmupSeconds), null);
		LatencyRecorder latencies = new LatencyRecorder(requests);
		long start = System.nanoTime();
		long[] errors = run(request, expectedStatus, requests, Duration.ofSeconds(seconds), latencies);
		double elapsed = (System.nanoTime() - start) / 1e9;
		LatencyRecorder.Summary summary = latencies.summarize();
		System.out.printf(Locale.ROOT,
				"%-32s %,9d requests in %5.1f s = %,8.0f req/s | latency p50 %6.2f ms, p99 %6.2f ms, "
						+ "p99.9 %6.2f ms, max %6.2f ms | unexpected status %d, errors %d%n",
				name, summary.count(), elapsed, summary.count() / elapsed, millis(summary.p50Nanos()),
				millis(summary.p99Nanos()), millis(summary.p999Nanos()), millis(summary.maxNanos()), errors[0],
				errors[1]);
	}

	/** Returns {unexpected status count, error count}. */
	private long[] run(LongFunction<Mono<Integer>> request, int expectedStatus, int count, Duration limit,
			@Nullable LatencyRecorder latencies) {
		AtomicLong unexpected = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong sequence = new AtomicLong();
		Flux.range(0, count)
			.take(limit)
			.flatMap((i) -> {
				long started = System.nanoTime();
				return request.apply(sequence.incrementAndGet()).doOnNext((status) -> {
					if (latencies != null) {
						latencies.record(System.nanoTime() - started);
					}
					if (status != expectedStatus) {
						unexpected.incrementAndGet();
					}
				}).onErrorResume((ex) -> {
					errors.incrementAndGet();
					return Mono.empty();
				});
			}, this.concurrency)
			.blockLast();
		return new long[] { unexpected.get(), errors.get() };
	}

	private Mono<Integer> getCustomer(long sequence) {
		return this.client.get()
			.uri("/customers/external/x")
			.responseSingle((response, body) -> body.asByteArray().thenReturn(response.status().code()));
	}

	private Mono<Integer> postSignal(long sequence) {
		String json = "{\"signals\":[{\"eventName\":\"agent_call\",\"customer\":{\"externalCustomerId\":\"x\"},"
				+ "\"attribution\":{\"externalProductId\":\"agent\"},\"data\":{\"quantity\":1},"
				+ "\"idempotencyKey\":\"bench-" + sequence + "\"}]}";
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return this.jsonClient.post()
			.uri("/signals/bulk")
			.send((request, outbound) -> {
				request.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(bytes.length));
				return outbound.sendByteArray(Mono.just(bytes));
			})
			.responseSingle((response, body) -> body.asByteArray().thenReturn(response.status().code()));
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	private static int intArg(String[] args, String name, int defaultValue) {
		return Integer.parseInt(stringArg(args, name, String.valueOf(defaultValue)));
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

}
