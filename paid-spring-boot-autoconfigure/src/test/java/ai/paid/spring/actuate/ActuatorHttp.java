package ai.paid.spring.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for the {@code paidsync} endpoint of an application running on a local port. */
final class ActuatorHttp {

	private static final String ENDPOINT = "/actuator/paidsync";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	ActuatorHttp(int port) {
		this.port = port;
	}

	HttpResult get(String pathAndQuery) {
		return get(pathAndQuery, ENDPOINT);
	}

	HttpResult get(String pathAndQuery, String base) {
		return send(HttpRequest.newBuilder(uri(base + pathAndQuery)).GET());
	}

	HttpResult post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(ENDPOINT + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResult send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new HttpResult(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
