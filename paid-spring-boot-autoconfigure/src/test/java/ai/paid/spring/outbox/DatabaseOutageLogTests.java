package ai.paid.spring.outbox;

import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DatabaseOutageLog}.
 */
class DatabaseOutageLogTests {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final DatabaseOutageLog log = new DatabaseOutageLog(recordingLog());

	@Test
	void anOutageIsOneWarningWhenItStartsAndOneInfoWhenItEnds() {
		for (int lane = 0; lane < 50; lane++) {
			this.log.failed("recording the outcome of lane cust:" + lane,
					new SQLTransientConnectionException("Connection refused"));
			// successes right after a failure (another connection that still worked) do not end it
			this.log.succeeded();
		}
		assertThat(this.lines).singleElement().satisfies((line) -> assertThat(line)
			.startsWith("WARN Paid outbox lost its database while recording the outcome of lane cust:0")
			.contains("Connection refused"));
		await().atMost(Duration.ofSeconds(3)).until(() -> {
			this.log.succeeded();
			return this.lines.size() == 2;
		});
		assertThat(this.lines.get(1)).startsWith("INFO Paid outbox database is back after ");
		this.log.succeeded();
		assertThat(this.lines).hasSize(2);
		this.log.failed("claiming lanes", new SQLTransientConnectionException("again"));
		assertThat(this.lines).hasSize(3);
	}

	private Log recordingLog() {
		return (Log) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Log.class },
				(proxy, method, args) -> {
					String name = method.getName();
					if (name.startsWith("is")) {
						return false;
					}
					if (name.equals("warn") || name.equals("info") || name.equals("error")) {
						this.lines.add(name.toUpperCase() + " " + args[0]);
					}
					return null;
				});
	}

}
