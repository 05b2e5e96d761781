package ai.paid.spring.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny JDK HTTP client for the mock's tests, so they do not depend on the starter's own client.
 */
final class PaidHttp {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	private final String apiKey;

	PaidHttp(MockPaidServer server) {
		this(server.baseUrl(), server.apiKey());
	}

	PaidHttp(String baseUrl, String apiKey) {
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
	}

	PaidHttp withKey(String key) {
		return new PaidHttp(this.baseUrl, key);
	}

	Response get(String path) {
		return send("GET", path, null);
	}

	Response delete(String path) {
		return send("DELETE", path, null);
	}

	Response post(String path, String json) {
		return send("POST", path, json);
	}

	Response put(String path, String json) {
		return send("PUT", path, json);
	}

	Response send(String method, String path, String json) {
		try {
			return new Response(this.client.send(request(method, path, json), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpRequest request(String method, String path, String json) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json");
		if (this.apiKey != null) {
			builder.header("Authorization", "Bearer " + this.apiKey);
		}
		if (json != null) {
			builder.header("Content-Type", "application/json");
			builder.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return builder.build();
	}

	HttpClient client() {
		return this.client;
	}

	record Response(HttpResponse<String> raw) {

		int status() {
			return this.raw.statusCode();
		}

		JsonNode json() {
			return mapper.readTree(this.raw.body());
		}

		String text(String field) {
			return json().path(field).asString();
		}

		String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

	}

}
