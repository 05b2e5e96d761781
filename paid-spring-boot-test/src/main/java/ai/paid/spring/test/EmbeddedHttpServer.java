package ai.paid.spring.test;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * The Reactor Netty server under {@link MockPaidServer} and {@link FakeOpenAiServer}: started and stopped with its own
 * event loop threads, so that stopping it releases every thread, and restartable.
 */
final class EmbeddedHttpServer {

	private final String threads;

	private final String name;

	private final String host;

	private final int requestedPort;

	private volatile @Nullable DisposableServer server;

	private @Nullable LoopResources loops;

	/**
	 * @param threads prefix of the event loop threads' names
	 * @param name names the server in errors
	 * @param host the address to listen on
	 * @param port the port, 0 for a free one
	 */
	EmbeddedHttpServer(String threads, String name, String host, int port) {
		this.threads = threads;
		this.name = name;
		this.host = host;
		this.requestedPort = port;
	}

	/** Starts listening with a handler from {@code handler}; does nothing if already started. */
	synchronized void start(Supplier<BiFunction<? super HttpServerRequest, ? super HttpServerResponse,
			? extends Publisher<Void>>> handler) {
		if (this.server == null) {
			LoopResources loopResources = LoopResources.create(this.threads, 1,
					Math.max(2, Runtime.getRuntime().availableProcessors()), true);
			this.server = HttpServer.create()
				.runOn(loopResources)
				.host(this.host)
				.port(this.requestedPort)
				.handle(handler.get())
				.bindNow(Duration.ofSeconds(10));
			this.loops = loopResources;
		}
	}

	/** Stops listening and releases the event loop threads. */
	synchronized void stop() {
		DisposableServer running = this.server;
		LoopResources loopResources = this.loops;
		this.server = null;
		this.loops = null;
		if (running != null) {
			running.disposeNow(Duration.ofSeconds(5));
		}
		if (loopResources != null) {
			loopResources.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}
	}

	boolean isRunning() {
		return this.server != null;
	}

	/**
	 * The port listened on.
	 * @throws IllegalStateException if the server is not started
	 */
	int port() {
		DisposableServer running = this.server;
		if (running == null) {
			throw new IllegalStateException(this.name + " is not started");
		}
		return running.port();
	}

	/** {@code http://host:port}, with a wildcard host given as loopback and an IPv6 host in brackets. */
	String origin() {
		String address = this.host.equals("0.0.0.0") ? "127.0.0.1" : this.host;
		if (address.contains(":")) {
			address = "[" + address + "]";
		}
		return "http://" + address + ":" + port();
	}

}
