package ai.paid.spring.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.observation.ModelObservationContext;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import ai.paid.spring.client.Cost;
import ai.paid.spring.client.PaidClient;
import ai.paid.spring.client.SignalCustomer;
import ai.paid.spring.client.TokenUsage;
import ai.paid.spring.client.WebClientPaidClient;
import ai.paid.spring.cost.CostBatcher;
import ai.paid.spring.cost.CostBatcherSettings;
import ai.paid.spring.cost.CostObserver;
import ai.paid.spring.cost.PaidCosts;
import ai.paid.spring.cost.SpringAiCostObservationHandler;
import ai.paid.spring.signal.PaidContext;
import ai.paid.spring.test.FakeOpenAiServer;
import ai.paid.spring.test.MockPaidServer;

/**
 * Measures cost capture from Spring AI.
 * <ol>
 * <li><b>overhead per call</b>: Spring AI's real {@link OpenAiChatModel} calls the in-process
 * {@link FakeOpenAiServer} inside a {@link PaidContext}, in alternating blocks of {@code --block} calls, with three
 * observation set-ups: no observation registry (Spring AI without actuator), a registry with a handler that does
 * nothing (Spring AI with actuator, no Paid), and a registry with {@link SpringAiCostObservationHandler} recording
 * into {@link PaidCosts} (its batcher sending to an in-process {@link MockPaidServer}). Reports mean and median
 * microseconds per call for each, and the capture's overhead against the do-nothing handler, in microseconds and as a
 * share of the call (target: under 2 % or under 50 µs).</li>
 * <li><b>handler alone</b>: {@code onStart} + {@code onStop} of the cost handler on a completed observation context,
 * in a tight loop: nanoseconds per call, without the noise of HTTP.</li>
 * <li><b>delivery</b>: {@code --costs} usage costs recorded as fast as the buffer takes them, delivered by the batcher
 * through the real WebClient-based client to the mock Paid; the clock stops when the mock holds them all: costs/s.</li>
 * </ol>
 * Run: {@code ./mvnw -B -q -pl paid-spring-boot-benchmarks -am package -DskipTests && java -Xmx1g
 * -Dloader.main=ai.paid.spring.benchmarks.CostCaptureBenchmark -cp
 * paid-spring-boot-benchmarks/target/paid-spring-boot-benchmarks.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher}
 */
public final class CostCaptureBenchmark {

	private CostCaptureBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args optional {@code --calls=N} (per set-up, default 3,000), {@code --block=N} (default 100),
	 * {@code --handler-calls=N} (default 2,000,000), {@code --costs=N} (default 200,000), {@code --phase=all|delivery}, {@code --timeout-seconds=N}
	 * @throws Exception when a phase fails
	 */
	public static void main(String[] args) throws Exception {
		int calls = intArg(args, "calls", 3_000);
		int block = intArg(args, "block", 100);
		int handlerCalls = intArg(args, "handler-calls", 2_000_000);
		int costCount = intArg(args, "costs", 200_000);
		Duration timeout = Duration.ofSeconds(intArg(args, "timeout-seconds", 120));
		System.out.printf(Locale.ROOT, "Cost capture benchmark: %d cores, Java %s, max heap %d MB%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20);
		try (FakeOpenAiServer openAi = new FakeOpenAiServer().start();
				MockPaidServer paid = new MockPaidServer().start()) {
			openAi.completion("Hi Ada, shall we talk on Tuesday?").usage(812, 164, 0);
			PaidClient client = WebClientPaidClient.builder().baseUrl(paid.baseUrl()).apiKey(paid.apiKey()).build();
			LongAdder acknowledged = new LongAdder();
			CostObserver counting = new CostObserver() {
				@Override
				public void sent(Path path, int ingested) {
					acknowledged.add(ingested);
				}
			};
			CostBatcher batcher = new CostBatcher(client, CostBatcherSettings.defaults(), counting);
			batcher.start();
			PaidCosts costs = new PaidCosts(batcher, null, CostObserver.NONE);
			SpringAiCostObservationHandler capture = new SpringAiCostObservationHandler(costs, CostObserver.NONE,
					false);
			String phase = stringArg(args, "phase", "all");
			if (!phase.equals("delivery")) {
				overhead(openAi, capture, calls, block);
				handlerAlone(client, handlerCalls);
			}
			paid.reset();
			delivery(costs, paid, acknowledged, costCount, timeout);
			batcher.stop();
		}
	}

	private static void overhead(FakeOpenAiServer openAi, SpringAiCostObservationHandler capture, int calls,
			int block) {
		ChatModel[] models = { model(openAi, ObservationRegistry.NOOP), model(openAi, registry(new NoOpHandler())),
				model(openAi, registry(capture)) };
		String[] names = { "no observation registry", "registry, do-nothing handler", "registry, cost capture" };
		long[][] nanos = new long[3][calls];
		Prompt prompt = new Prompt("Write a short email to Ada");
		PaidContext.customer("acme").product("ai-sdr").run(() -> {
			for (int warm = 0; warm < Math.min(calls, 500); warm++) {
				for (ChatModel model : models) {
					model.call(prompt);
				}
			}
			for (int done = 0; done < calls; done += block) {
				for (int m = 0; m < models.length; m++) {
					for (int i = done; i < Math.min(calls, done + block); i++) {
						long start = System.nanoTime();
						models[m].call(prompt);
						nanos[m][i] = System.nanoTime() - start;
					}
				}
			}
		});
		double[] means = new double[3];
		double[] medians = new double[3];
		System.out.printf(Locale.ROOT, "Overhead per Spring AI call (%d calls per set-up, alternating blocks of %d):%n",
				calls, block);
		for (int m = 0; m < 3; m++) {
			means[m] = Arrays.stream(nanos[m]).average().orElse(0) / 1000.0;
			long[] sorted = nanos[m].clone();
			Arrays.sort(sorted);
			medians[m] = sorted[sorted.length / 2] / 1000.0;
			System.out.printf(Locale.ROOT, "  %-30s mean %8.1f us, median %8.1f us%n", names[m], means[m],
					medians[m]);
		}
		double overheadMedian = medians[2] - medians[1];
		System.out.printf(Locale.ROOT,
				"  cost capture vs do-nothing handler: %+.1f us per call by median (%+.2f %%), %+.1f us by mean "
						+ "(%+.2f %%); vs no registry: %+.1f us by median%n",
				overheadMedian, 100 * overheadMedian / medians[1], means[2] - means[1],
				100 * (means[2] - means[1]) / means[1], medians[2] - medians[0]);
	}

	private static void handlerAlone(PaidClient client, int calls) {
		// a completed context like the ones Spring AI stops: prompt, provider and a response with usage
		var captured = new java.util.concurrent.atomic.AtomicReference<ModelObservationContext<?, ?>>();
		ObservationRegistry registry = registry(new NoOpHandler() {
			@Override
			public void onStop(ModelObservationContext<?, ?> context) {
				captured.set(context);
			}
		});
		try (FakeOpenAiServer openAi = new FakeOpenAiServer().start()) {
			model(openAi, registry).call(new Prompt("hello"));
		}
		ModelObservationContext<?, ?> context = captured.get();
		if (context == null) {
			throw new IllegalStateException("no observation context captured");
		}
		CostBatcher unused = new CostBatcher(client, CostBatcherSettings.defaults(), CostObserver.NONE);
		PaidCosts discard = new PaidCosts(unused, null, CostObserver.NONE) {
			@Override
			public boolean record(Cost cost) {
				return cost.usage() != null;
			}
		};
		SpringAiCostObservationHandler handler = new SpringAiCostObservationHandler(discard, CostObserver.NONE,
				false);
		PaidContext.customer("acme").product("ai-sdr").run(() -> {
			for (int round = 0; round < 2; round++) {
				long start = System.nanoTime();
				for (int i = 0; i < calls; i++) {
					handler.onStart(context);
					handler.onStop(context);
				}
				long elapsed = System.nanoTime() - start;
				if (round == 1) {
					System.out.printf(Locale.ROOT,
							"Cost handler alone (onStart + onStop, cost built, not sent): %.0f ns per call%n",
							(double) elapsed / calls);
				}
			}
		});
	}

	private static void delivery(PaidCosts costs, MockPaidServer paid, LongAdder acknowledged, int count,
			Duration timeout)
			throws InterruptedException {
		Cost cost = Cost.usage(SignalCustomer.byExternalId("acme"), null, null, null, "openai", "gpt-4o-mini",
				TokenUsage.of(812, 164));
		acknowledged.reset();
		long start = System.nanoTime();
		int dropped = 0;
		for (int i = 0; i < count; i++) {
			while (!costs.record(cost)) {
				// the buffer is full: leave the cores to the sender and the mock for a moment
				dropped++;
				LockSupport.parkNanos(200_000);
			}
		}
		long deadline = start + timeout.toNanos();
		while (acknowledged.sum() < count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + acknowledged.sum() + " of " + count + " costs arrived");
			}
			Thread.sleep(2);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (paid.costs().size() != count) {
			throw new IllegalStateException("The mock holds " + paid.costs().size() + " costs, expected " + count);
		}
		System.out.printf(Locale.ROOT,
				"Delivery: %d costs recorded and acknowledged by the mock Paid in %.2f s: %.0f costs/s "
						+ "(%d offers found the buffer full and were retried after 0.2 ms)%n",
				count, seconds, count / seconds, dropped);
	}

	private static ChatModel model(FakeOpenAiServer openAi, ObservationRegistry registry) {
		return OpenAiChatModel.builder()
			.options(OpenAiChatOptions.builder().baseUrl(openAi.baseUrl()).apiKey("sk-bench").model("gpt-4o-mini")
				.build())
			.observationRegistry(registry)
			.build();
	}

	private static ObservationRegistry registry(ObservationHandler<?> handler) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(handler);
		return registry;
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

	/** Observes Spring AI model calls and does nothing: the baseline of an application with actuator. */
	private static class NoOpHandler implements ObservationHandler<ModelObservationContext<?, ?>> {

		@Override
		public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
			return context instanceof ModelObservationContext;
		}

	}

}
