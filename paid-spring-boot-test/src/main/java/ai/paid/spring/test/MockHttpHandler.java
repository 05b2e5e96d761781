package ai.paid.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The Reactor Netty handler: records the request, applies injected faults and latency, checks the bearer key, routes,
 * and writes the JSON response. Does nothing blocking on the event loop; latency is a {@link Mono#delay}.
 */
final class MockHttpHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final String JSON = "application/json";

	private final MockRouter router;

	private final MockSettings settings;

	private final FaultInjector faults;

	private final RequestRecorder recorder;

	private final String expectedAuthorization;

	MockHttpHandler(MockRouter router, MockSettings settings, FaultInjector faults, RequestRecorder recorder,
			String apiKey) {
		this.router = router;
		this.settings = settings;
		this.faults = faults;
		this.recorder = recorder;
		this.expectedAuthorization = "Bearer " + apiKey;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap((body) -> handle(request, response, body));
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, String body) {
		String uri = request.uri();
		int queryStart = uri.indexOf('?');
		String path = (queryStart < 0) ? uri : uri.substring(0, queryStart);
		String query = (queryStart < 0) ? "" : uri.substring(queryStart + 1);
		String method = request.method().name();
		if (this.recorder.isEnabled()) {
			this.recorder.record(new RecordedRequest(method, path, query, headers(request.requestHeaders()), body));
		}
		MockFault fault = this.faults.next(method, MockPaths.relative(path));
		Mono<Void> outcome;
		if (fault != null && fault.kind() == MockFault.Kind.DROP) {
			outcome = drop(response);
		}
		else if (fault != null && fault.kind() == MockFault.Kind.FAIL) {
			outcome = send(response, injectedFailure(fault));
		}
		else {
			MockResponse result = process(request, method, path, query, body);
			outcome = (fault != null) ? drop(response) : send(response, result);
		}
		Duration latency = this.faults.latency();
		return latency.isZero() ? outcome : Mono.delay(latency).then(outcome);
	}

	private MockResponse process(HttpServerRequest request, String method, String path, String query, String body) {
		if (!this.expectedAuthorization.equals(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
			int status = this.settings.authFailureStatus;
			return MockResponse.error(status, reason(status), "INVALID_API_KEY",
					"a valid 'Authorization: Bearer <API key>' header is required", null);
		}
		if (!path.startsWith(MockPaths.API_PREFIX + "/")) {
			return MockResponse.error(404, "Not Found", "NOT_FOUND",
					"no such route: " + method + " " + path + " (the API is served under " + MockPaths.API_PREFIX
							+ ")",
					null);
		}
		try {
			return this.router.route(method, path.substring(MockPaths.API_PREFIX.length()), query, body);
		}
		catch (RuntimeException ex) {
			return MockResponse.error(500, "Internal Server Error", "MOCK_ERROR",
					"the mock failed: " + ex.getClass().getSimpleName(), null);
		}
	}

	private static MockResponse injectedFailure(MockFault fault) {
		Duration retryAfter = fault.retryAfter();
		String retryAfterSeconds = (retryAfter != null)
				? String.valueOf((retryAfter.toMillis() + 999) / 1000) : null;
		return MockResponse.error(fault.status(), reason(fault.status()), "INJECTED_FAULT",
				"failure injected by MockPaidServer", retryAfterSeconds);
	}

	private static String reason(int status) {
		return HttpResponseStatus.valueOf(status).reasonPhrase();
	}

	private static Mono<Void> send(HttpServerResponse response, MockResponse result) {
		byte[] bytes = MockJson.bytes(result.body());
		response.status(result.status())
			.header(HttpHeaderNames.CONTENT_TYPE, JSON)
			.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(bytes.length));
		result.headers().forEach(response::header);
		return response.sendByteArray(Mono.just(bytes)).then();
	}

	private static Mono<Void> drop(HttpServerResponse response) {
		return Mono.fromRunnable(() -> response.withConnection((connection) -> connection.channel().close()));
	}

	private static Map<String, List<String>> headers(HttpHeaders headers) {
		Map<String, List<String>> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Map.Entry<String, String> header : headers) {
			result.computeIfAbsent(header.getKey(), (name) -> new ArrayList<>(1)).add(header.getValue());
		}
		result.replaceAll((name, values) -> List.copyOf(values));
		return Collections.unmodifiableMap(result);
	}

}
