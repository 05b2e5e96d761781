package ai.paid.spring.benchmarks.webhook;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import ai.paid.spring.test.MockPaidServer;
import ai.paid.spring.test.MockWebhooks;
import ai.paid.spring.webhook.PaidWebhookAdmin;
import ai.paid.spring.webhook.PaidWebhookEvent;
import ai.paid.spring.webhook.PaidWebhookListener;
import ai.paid.spring.webhook.PaidWebhookReceiver;
import ai.paid.spring.webhook.WebhookReceipt;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures verified webhook deliveries per second on local PostgreSQL with a no-op handler: an application with the
 * starter's receiver on Spring MVC (Tomcat), signed deliveries of distinct events posted by {@code --clients}
 * concurrent HTTP clients (the JDK's) (bodies and signatures prepared before the clock starts, as Paid would have them).
 * <ol>
 * <li><b>http</b>: deliveries/s answered 200 (each verified, and committed to {@code paid_webhook_inbox} before the
 * answer), with the time until the dispatcher has handled them all;</li>
 * <li><b>receiver</b>: the same straight into {@link PaidWebhookReceiver#receive} from {@code --clients} threads,
 * without HTTP, to show what the web stack costs.</li>
 * </ol>
 * Options: {@code --url=jdbc:postgresql://...} (default {@code $PAID_TEST_POSTGRESQL_URL}), {@code --deliveries=N}
 * (default 20,000 per phase, after a warm-up of a quarter of that), {@code --clients=N} (default 16).
 * <p>
 * Run: {@code ./mvnw -B -q -pl paid-spring-boot-benchmarks -am package -DskipTests && java -Xmx1g
 * -Dloader.main=ai.paid.spring.benchmarks.webhook.WebhookBenchmark -cp
 * paid-spring-boot-benchmarks/target/paid-spring-boot-benchmarks.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher}
 */
public final class WebhookBenchmark {

	private WebhookBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args options, see the class description
	 * @throws Exception when a phase fails
	 */
	public static void main(String[] args) throws Exception {
		String url = arg(args, "url", System.getenv().getOrDefault("PAID_TEST_POSTGRESQL_URL",
				"jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
		int deliveries = Integer.parseInt(arg(args, "deliveries", "20000"));
		int clients = Integer.parseInt(arg(args, "clients", "16"));
		boolean jdkClient = "jdk".equals(arg(args, "client", "keep-alive"));
		System.out.printf(Locale.ROOT, "Webhook benchmark: %d cores, Java %s, PostgreSQL %s, %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				url.replaceAll("\\?.*", ""), clients + (jdkClient ? " JDK HttpClient" : " keep-alive socket") + " clients");
		try (MockPaidServer paid = new MockPaidServer().start()) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
				.web(WebApplicationType.SERVLET)
				.properties("server.port=0", "spring.datasource.url=" + url, "spring.main.banner-mode=off",
						"paid.outbox.enabled=false", "paid.webhooks.initialize-schema=always",
						"paid.webhooks.concurrency=8", "server.tomcat.threads.max=" + Math.max(clients, 10),
						"logging.level.root=warn")
				.run("--paid.base-url=" + paid.baseUrl(), "--paid.api-key=" + paid.apiKey(),
						"--paid.webhooks.signing-secret=" + paid.webhooks().signingSecret());
			try {
				String receiverUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
						+ "/paid/webhooks";
				Phase phase = new Phase(paid.webhooks(), context, clients, jdkClient);
				phase.warmUp(() -> phase.http(receiverUrl, 5000, false));
				phase.http(receiverUrl, deliveries, true);
				phase.warmUp(() -> phase.receiver(5000, false));
				phase.receiver(deliveries, true);
			}
			finally {
				context.close();
			}
		}
	}

	private static String arg(String[] args, String name, String defaultValue) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		return defaultValue;
	}

	/** One measured run after another, against the same application. */
	private static final class Phase {

		private final MockWebhooks webhooks;

		private final PaidWebhookReceiver receiver;

		private final PaidWebhookAdmin admin;

		private final int clients;

		private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		private final boolean jdkClient;

		private final JdbcTemplate jdbc;

		Phase(MockWebhooks webhooks, ConfigurableApplicationContext context, int clients, boolean jdkClient) {
			this.jdkClient = jdkClient;
			this.jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
			this.webhooks = webhooks;
			this.receiver = context.getBean(PaidWebhookReceiver.class);
			this.admin = context.getBean(PaidWebhookAdmin.class);
			this.clients = clients;
		}

		// on two busy cores the JIT compiles the web stack for a minute or more: measure once it has settled
		void warmUp(Delivery.Round round) throws Exception {
			CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
			for (int i = 1; i <= 20; i++) {
				long compiledBefore = jit.getTotalCompilationTime();
				long start = System.nanoTime();
				round.run();
				long millis = (System.nanoTime() - start) / 1_000_000;
				long compiling = jit.getTotalCompilationTime() - compiledBefore;
				if (compiling * 20 < millis) {
					System.out.printf(Locale.ROOT, "warmed up after %d rounds (JIT busy %d ms in the last %d ms)%n", i,
							compiling, millis);
					return;
				}
			}
			System.out.println("JIT still busy after 20 warm-up rounds; measuring anyway");
		}

		void http(String url, int count, boolean report) throws Exception {
			List<String[]> prepared = prepare(count);
			emptyInbox();
			LongAdder accepted = new LongAdder();
			long cpu = cpuNanos();
			long serverCpu = serverCpuNanos();
			long postgresCpu = postgresCpuNanos();
			long start = System.nanoTime();
			if (this.jdkClient) {
				run(prepared, (delivery) -> {
					HttpRequest request = HttpRequest.newBuilder(URI.create(url))
						.header("Content-Type", "application/json")
						.header("x-webhook-signature", delivery[1])
						.POST(HttpRequest.BodyPublishers.ofString(delivery[0]))
						.build();
					HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200) {
						accepted.increment();
					}
				});
			}
			else {
				URI target = URI.create(url);
				ThreadLocal<KeepAliveSender> senders = new ThreadLocal<>();
				List<KeepAliveSender> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
				try {
					run(prepared, (delivery) -> {
						KeepAliveSender sender = senders.get();
						if (sender == null) {
							sender = new KeepAliveSender(target);
							senders.set(sender);
							opened.add(sender);
						}
						if (sender.post(delivery[0], delivery[1]) == 200) {
							accepted.increment();
						}
					});
				}
				finally {
					for (KeepAliveSender sender : opened) {
						sender.close();
					}
				}
			}
			long received = System.nanoTime();
			awaitHandled(count);
			long handled = System.nanoTime();
			if (report) {
				print("http", count, accepted.sum(), start, received, handled, cpuNanos() - cpu,
						serverCpuNanos() - serverCpu, postgresCpuNanos() - postgresCpu);
			}
		}

		void receiver(int count, boolean report) throws Exception {
			List<String[]> prepared = prepare(count);
			emptyInbox();
			LongAdder accepted = new LongAdder();
			long cpu = cpuNanos();
			long serverCpu = serverCpuNanos();
			long postgresCpu = postgresCpuNanos();
			long start = System.nanoTime();
			run(prepared, (delivery) -> {
				WebhookReceipt receipt = this.receiver.receive(delivery[1], delivery[0].getBytes(StandardCharsets.UTF_8));
				if (receipt.status() == 200) {
					accepted.increment();
				}
			});
			long received = System.nanoTime();
			awaitHandled(count);
			long handled = System.nanoTime();
			if (report) {
				print("receiver", count, accepted.sum(), start, received, handled, cpuNanos() - cpu,
						serverCpuNanos() - serverCpu, postgresCpuNanos() - postgresCpu);
			}
		}

		// each phase starts from the inbox of an application that has run a while: 20,000 handled rows within the
		// retention, no dead rows and fresh statistics (this machine's PostgreSQL runs without autovacuum; without
		// statistics the planner sorts the whole backlog on every claim)
		private void emptyInbox() {
			this.jdbc.execute("TRUNCATE TABLE paid_webhook_inbox");
			long now = System.currentTimeMillis();
			this.jdbc.update("INSERT INTO paid_webhook_inbox (dedup_key, event_name, body, state, attempts, received_at,"
					+ " not_before, finished_at) SELECT 'history:' || g, 'billing-invoice-paid', '{}', 1, 1, ?, ?, ?"
					+ " FROM generate_series(1, 20000) g", now, now, now);
			this.jdbc.execute("ANALYZE paid_webhook_inbox");
		}

		private List<String[]> prepare(int count) {
			String run = UUID.randomUUID().toString().substring(0, 8);
			List<String[]> prepared = new ArrayList<>(count);
			long now = System.currentTimeMillis();
			for (int i = 0; i < count; i++) {
				String body = this.webhooks.envelope("billing-invoice-paid",
						Map.of("id", "in_" + run + "_" + i, "amount", 4200, "currency", "USD"));
				prepared.add(new String[] { body, this.webhooks.signature(now, body) });
			}
			return prepared;
		}

		private void run(List<String[]> prepared, Delivery delivery) throws Exception {
			AtomicInteger next = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(this.clients);
			try {
				List<Future<?>> futures = new ArrayList<>();
				for (int c = 0; c < this.clients; c++) {
					futures.add(pool.submit(() -> {
						for (int i = next.getAndIncrement(); i < prepared.size(); i = next.getAndIncrement()) {
							delivery.send(prepared.get(i));
						}
						return null;
					}));
				}
				for (Future<?> future : futures) {
					future.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
		}

		private void awaitHandled(long target) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (this.admin.backlog().handled() < target + 20_000) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Deliveries not handled within 3 minutes");
				}
				Thread.sleep(20);
			}
		}

		private static void print(String phase, int count, long accepted, long start, long received, long handled,
				long cpuNanos, long serverCpuNanos, long postgresCpuNanos) {
			double receiveSeconds = (received - start) / 1e9;
			double handleSeconds = (handled - start) / 1e9;
			System.out.printf(Locale.ROOT,
					"%-8s %,d deliveries: %,d accepted in %.2f s = %,.0f verified deliveries/s; all handled after "
							+ "%.2f s = %,.0f handled/s; CPU per delivery: JVM %.0f us (clients included), Tomcat and "
							+ "dispatcher threads %.0f us; PostgreSQL %.0f us; load average %.1f%n",
					phase, count, accepted, receiveSeconds, accepted / receiveSeconds, handleSeconds,
					count / handleSeconds, cpuNanos / 1e3 / count, serverCpuNanos / 1e3 / count,
					postgresCpuNanos / 1e3 / count,
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}

		// every process named postgres on this machine (the benchmark's backends, the WAL writer, ...); 0 without /proc
		private static long postgresCpuNanos() {
			long ticks = 0;
			try (DirectoryStream<Path> processes = Files
				.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
				for (Path process : processes) {
					try {
						String stat = Files.readString(process.resolve("stat"));
						int end = stat.lastIndexOf(')');
						if (stat.substring(stat.indexOf('(') + 1, end).equals("postgres")) {
							String[] fields = stat.substring(end + 2).split(" ");
							ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
						}
					}
					catch (IOException | RuntimeException ex) {
						// the process ended meanwhile
					}
				}
			}
			catch (IOException ex) {
				return 0;
			}
			return ticks * 10_000_000L; // USER_HZ is 100 on Linux
		}

		// the application's side: Tomcat's request threads and the webhook dispatcher's threads
		private static long serverCpuNanos() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long total = 0;
			for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (thread != null && (thread.getThreadName().startsWith("http-nio")
						|| thread.getThreadName().startsWith("paid-webhook"))) {
					total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
				}
			}
			return total;
		}

		private static long cpuNanos() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

	}

	@FunctionalInterface
	private interface Delivery {

		void send(String[] delivery) throws Exception;

		@FunctionalInterface
		interface Round {

			void run() throws Exception;

		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		NoOpHandler noOpHandler() {
			return new NoOpHandler();
		}

	}

	static class NoOpHandler {

		@PaidWebhookListener
		void on(PaidWebhookEvent event) {
			// no-op: the benchmark measures the receiver and the inbox
		}

	}

}
