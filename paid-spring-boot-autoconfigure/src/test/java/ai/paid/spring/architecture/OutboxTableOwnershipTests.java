package ai.paid.spring.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source scans of the main code of the starter and the demo for couplings the compiler cannot see: SQL that names the
 * outbox's tables outside the outbox package, and exceptions of the client layer made up elsewhere.
 */
class OutboxTableOwnershipTests {

	private static final List<Path> MAIN_SOURCES = List.of(Path.of("src/main/java"),
			Path.of("../demo-app/src/main/java"));

	@Test
	void onlyTheOutboxPackageNamesTheOutboxTables() {
		Map<String, String> offenders = scan((path) -> !path.startsWith("ai/paid/spring/outbox/"),
				(source) -> source.contains("paid_sync_outbox") || source.contains("paid_sync_lane"));
		assertThat(offenders.keySet()).as("main sources outside ai/paid/spring/outbox naming paid_sync_outbox or "
				+ "paid_sync_lane; use OutboxQueries, OutboxAdmin or OutboxMessage.Priority")
			.isEmpty();
	}

	@Test
	void onlyTheSyncPackagesNameTheSyncTables() {
		Map<String, String> offenders = scan((path) -> !path.startsWith("ai/paid/spring/sync/"),
				(source) -> source.contains("paid_sync_link") || source.contains("paid_sync_backfill"));
		assertThat(offenders.keySet()).as("main sources outside ai/paid/spring/sync naming paid_sync_link or "
				+ "paid_sync_backfill")
			.isEmpty();
	}

	@Test
	void onlyTheWebhookPackageNamesTheWebhookTable() {
		Map<String, String> offenders = scan((path) -> !path.startsWith("ai/paid/spring/webhook/"),
				(source) -> source.contains("paid_webhook_inbox"));
		assertThat(offenders.keySet()).as("main sources outside ai/paid/spring/webhook naming paid_webhook_inbox; use "
				+ "PaidWebhookAdmin")
			.isEmpty();
	}

	@Test
	void onlyTheClientPackageConstructsPaidApiExceptions() {
		Map<String, String> offenders = scan((path) -> !path.startsWith("ai/paid/spring/client/"),
				(source) -> source.contains("new PaidApiException"));
		assertThat(offenders.keySet()).as("main sources outside ai/paid/spring/client constructing a PaidApiException; "
				+ "a handler returns its outcome instead")
			.isEmpty();
	}

	@Test
	void theScanSeesTheSources() {
		Map<String, String> all = scan((path) -> true, (source) -> true);
		assertThat(all).containsKeys("ai/paid/spring/outbox/OutboxAdmin.java",
				"ai/paid/spring/sync/delivery/PaidSyncLinks.java", "ai/paid/demo/dashboard/OutboxSyncStates.java");
		assertThat(scan((path) -> true, (source) -> source.contains("paid_sync_outbox"))).isNotEmpty();
	}

	/** Relative source paths (package directories and file) of matching files, with the root they were found in. */
	private static Map<String, String> scan(Predicate<String> pathFilter, Predicate<String> contentFilter) {
		Map<String, String> found = new TreeMap<>();
		for (Path root : MAIN_SOURCES) {
			assertThat(root).as("source root %s (tests run from the module directory)", root).isDirectory();
			try (Stream<Path> files = Files.walk(root)) {
				files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
					String path = root.relativize(file).toString().replace('\\', '/');
					if (pathFilter.test(path) && contentFilter.test(read(file))) {
						found.put(path, root.toString());
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return found;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
