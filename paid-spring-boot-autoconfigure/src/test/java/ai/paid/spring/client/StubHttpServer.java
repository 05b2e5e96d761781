package ai.paid.spring.client;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Answers with canned responses, for what the mock Paid server never sends: non-JSON bodies, v1 error bodies and
 * {@code Retry-After} as an HTTP date.
 */
final class StubHttpServer implements AutoCloseable {

	private final ConcurrentLinkedQueue<Canned> responses = new ConcurrentLinkedQueue<>();

	final List<String> paths = new CopyOnWriteArrayList<>();

	private final DisposableServer server;

	StubHttpServer() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			this.paths.add(request.method().name() + " " + request.uri());
			Canned canned = this.responses.poll();
			if (canned == null) {
				canned = new Canned(500, Map.of(), "no canned response left");
			}
			response.status(canned.status());
			canned.headers().forEach(response::header);
			return request.receive().then().then(response.sendString(Mono.just(canned.body())).then());
		}).bindNow();
	}

	StubHttpServer enqueue(int status, Map<String, String> headers, String body) {
		this.responses.add(new Canned(status, headers, body));
		return this;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port() + "/api/v2";
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private record Canned(int status, Map<String, String> headers, String body) {

	}

}
