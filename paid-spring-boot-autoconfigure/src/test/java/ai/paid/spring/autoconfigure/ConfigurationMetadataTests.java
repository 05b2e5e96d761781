package ai.paid.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs read knows every property the README tells users to set.
 */
class ConfigurationMetadataTests {

	/** A property being set in the README: {@code paid.x.y=...} in a block, or {@code `paid.x.y=...`} in the text. */
	private static final Pattern PROPERTY_SET = Pattern
		.compile("(?m)(?:^|[`\\s])((?:paid|management\\.health\\.paidsync)\\.[a-z0-9.-]*[a-z0-9])=");

	@Test
	void theHealthIndicatorSwitchIsDescribed() throws IOException {
		assertThat(metadataNames()).contains("management.health.paidsync.enabled");
	}

	@Test
	void everyPropertyTheReadmeSetsIsDescribed() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		Set<String> set = new TreeSet<>();
		Matcher matcher = PROPERTY_SET.matcher(readme);
		while (matcher.find()) {
			set.add(matcher.group(1));
		}
		assertThat(set).contains("paid.outbox.initialize-schema", "paid.sync.product-id-cache-ttl",
				"management.health.paidsync.enabled");
		assertThat(metadataNames()).containsAll(set);
	}

	private static Set<String> metadataNames() throws IOException {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("the configuration processor's output").isNotNull();
			JsonNode metadata = JsonMapper.builder().build().readTree(in);
			return StreamSupport.stream(metadata.get("properties").spliterator(), false)
				.map((property) -> property.get("name").asString())
				.collect(Collectors.toSet());
		}
	}

}
