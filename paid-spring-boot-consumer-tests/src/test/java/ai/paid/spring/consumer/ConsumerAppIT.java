package ai.paid.spring.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What adding the starter does to a fresh MVC + JPA + H2 app's executable jar, built by the invoker as a user would
 * build it: no Netty, and under 4 MB of added jars. Prints the figures the README states.
 */
class ConsumerAppIT {

	private static final long BUDGET = 4L * 1024 * 1024;

	private static final Path APPS = Path.of("target", "it");

	@Test
	void theStarterAddsNoNettyAndUnderFourMegabytes() throws IOException {
		Path baselineJar = APPS.resolve("baseline/target/shop-baseline-0.0.1.jar");
		Path withStarterJar = APPS.resolve("with-starter/target/shop-with-starter-0.0.1.jar");
		Map<String, Long> baseline = libraries(baselineJar);
		Map<String, Long> withStarter = libraries(withStarterJar);

		assertThat(withStarter.keySet()).noneMatch((jar) -> jar.startsWith("netty-") || jar.startsWith("reactor-netty"));
		Map<String, Long> added = new TreeMap<>(withStarter);
		added.keySet().removeAll(baseline.keySet());
		Map<String, Long> removed = new TreeMap<>(baseline);
		removed.keySet().removeAll(withStarter.keySet());
		long addedBytes = added.values().stream().mapToLong(Long::longValue).sum();

		System.out.printf("Consumer app (MVC + JPA + H2): %d jars, %.1f MB without the starter; %d jars, %.1f MB with it%n",
				baseline.size(), mb(Files.size(baselineJar)), withStarter.size(), mb(Files.size(withStarterJar)));
		System.out.printf("The starter adds %d jars, %.2f MB:%n", added.size(), mb(addedBytes));
		added.forEach((jar, size) -> System.out.printf("  %-60s %8.1f KB%n", jar, size / 1024.0));
		assertThat(removed).as("jars the starter changed the version of").isEmpty();
		assertThat(addedBytes).as("bytes of jars the starter adds").isLessThan(BUDGET);
	}

	private static Map<String, Long> libraries(Path jar) throws IOException {
		assertThat(jar).as("jar built by the invoker").exists();
		Map<String, Long> libraries = new TreeMap<>();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			zip.stream()
				.filter((entry) -> entry.getName().startsWith("BOOT-INF/lib/") && !entry.isDirectory())
				.forEach((entry) -> libraries.put(name(entry), entry.getSize()));
		}
		return libraries;
	}

	private static String name(ZipEntry entry) {
		return entry.getName().substring("BOOT-INF/lib/".length());
	}

	private static double mb(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

}
