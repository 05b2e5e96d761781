package ai.paid.spring.test;

// Why this class is long: over 300 lines because it is the fake's whole public API (start and stop, the canned
// completion, usage and latency) plus the three OpenAI response shapes it writes (completion, stream, embeddings).

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake OpenAI-compatible endpoint for tests and demos, on the same server library as {@link MockPaidServer}: point
 * Spring AI's real OpenAI client at {@link #baseUrl()} ({@code spring.ai.openai.base-url}) and every chat completion
 * answers with the configured {@link #completion(String) text}, {@link #model(String) model} and
 * {@link #usage(int, int, int) token usage}; embeddings answer with one small vector per input and their own usage.
 * <p>
 * Serves {@code POST /v1/chat/completions} (plain, and streamed as server-sent events when {@code "stream": true},
 * the text in a few chunks, then a final chunk with the usage when {@code stream_options.include_usage} is set, as
 * OpenAI does, then {@code [DONE]}) and {@code POST /v1/embeddings}. Any API key is accepted. Thread-safe; settings
 * may change between calls.
 *
 * <pre class="code">
 * try (FakeOpenAiServer openAi = new FakeOpenAiServer().start()) {
 *     openAi.completion("Hi Ada!").usage(812, 164, 0);
 *     // spring.ai.openai.base-url = openAi.baseUrl(), spring.ai.openai.api-key = anything
 * }
 * </pre>
 */
public final class FakeOpenAiServer implements AutoCloseable {

	private final EmbeddedHttpServer server;

	private final AtomicLong ids = new AtomicLong();

	private final ConcurrentLinkedQueue<Map<String, Object>> chatRequests = new ConcurrentLinkedQueue<>();

	private volatile String completion = "Hello from the fake OpenAI endpoint.";

	private volatile String model = "gpt-4o-mini-2024-07-18";

	private volatile int promptTokens = 12;

	private volatile int completionTokens = 8;

	private volatile int cachedTokens = 0;

	private volatile String embeddingModel = "text-embedding-3-small";

	private volatile int embeddingTokensPerInput = 4;

	private volatile Duration latency = Duration.ZERO;


	/**
	 * Create a server for {@code 127.0.0.1} on a free port.
	 */
	public FakeOpenAiServer() {
		this("127.0.0.1", 0);
	}

	/**
	 * Create a server.
	 * @param host the address to bind to
	 * @param port the port, {@code 0} for a free one
	 */
	public FakeOpenAiServer(String host, int port) {
		this.server = new EmbeddedHttpServer("fake-openai", "FakeOpenAiServer", host, port);
	}

	/**
	 * Start listening. Does nothing if already started.
	 * @return this server
	 */
	public FakeOpenAiServer start() {
		this.server.start(() -> this::handle);
		return this;
	}

	/**
	 * Stop listening and release the event loop threads.
	 */
	public void stop() {
		this.server.stop();
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * The base URL for an OpenAI client, ending in {@code /v1}, e.g. {@code http://127.0.0.1:51234/v1}.
	 * @return the base URL
	 * @throws IllegalStateException if the server is not started
	 */
	public String baseUrl() {
		return this.server.origin() + "/v1";
	}

	/**
	 * The text of every chat completion.
	 * @param text the assistant's answer
	 * @return this server
	 */
	public FakeOpenAiServer completion(String text) {
		this.completion = text;
		return this;
	}

	/**
	 * The model named in every chat response ({@code model}); the request's model is ignored, as a provider that
	 * resolves an alias to a dated model id does.
	 * @param model the model id
	 * @return this server
	 */
	public FakeOpenAiServer model(String model) {
		this.model = model;
		return this;
	}

	/**
	 * The usage of every chat completion.
	 * @param promptTokens {@code prompt_tokens}, cached ones included (OpenAI's meaning)
	 * @param completionTokens {@code completion_tokens}
	 * @param cachedTokens {@code prompt_tokens_details.cached_tokens}
	 * @return this server
	 */
	public FakeOpenAiServer usage(int promptTokens, int completionTokens, int cachedTokens) {
		if (promptTokens < 0 || completionTokens < 0 || cachedTokens < 0 || cachedTokens > promptTokens) {
			throw new IllegalArgumentException("token counts must be zero or more, cached at most prompt tokens");
		}
		this.promptTokens = promptTokens;
		this.completionTokens = completionTokens;
		this.cachedTokens = cachedTokens;
		return this;
	}

	/**
	 * The model and usage of every embeddings response.
	 * @param model the model id
	 * @param tokensPerInput {@code prompt_tokens} per input text
	 * @return this server
	 */
	public FakeOpenAiServer embeddings(String model, int tokensPerInput) {
		this.embeddingModel = model;
		this.embeddingTokensPerInput = tokensPerInput;
		return this;
	}

	/**
	 * Time each response waits before it is written, to make the fake as slow as a real model.
	 * @param latency the delay, {@link Duration#ZERO} for none
	 * @return this server
	 */
	public FakeOpenAiServer latency(Duration latency) {
		this.latency = latency;
		return this;
	}

	/**
	 * The bodies of the chat completion requests received, in arrival order.
	 * @return the requests
	 */
	public List<Map<String, Object>> chatRequests() {
		return new ArrayList<>(this.chatRequests);
	}

	/**
	 * Forget the received requests.
	 */
	public void clearRequests() {
		this.chatRequests.clear();
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("{}")
			.flatMap((body) -> {
				Mono<Void> answer = answer(request.method().name(), path(request.uri()), body, response);
				Duration delay = this.latency;
				return delay.isZero() ? answer : Mono.delay(delay).then(answer);
			});
	}

	private static String path(String uri) {
		int query = uri.indexOf('?');
		return (query < 0) ? uri : uri.substring(0, query);
	}

	private Mono<Void> answer(String method, String path, String body, HttpServerResponse response) {
		if (!method.equals("POST")) {
			return json(response, 405, error("only POST is served"));
		}
		JsonNode request;
		try {
			request = MockJson.MAPPER.readTree(body);
		}
		catch (RuntimeException ex) {
			return json(response, 400, error("the body is not JSON"));
		}
		if (path.endsWith("/chat/completions")) {
			this.chatRequests.add(MockJson.toMap(request));
			return request.path("stream").asBoolean(false) ? stream(request, response)
					: json(response, 200, completion());
		}
		if (path.endsWith("/embeddings")) {
			return json(response, 200, embeddings(request));
		}
		return json(response, 404, error("no such route: " + path));
	}

	private ObjectNode completion() {
		ObjectNode completion = base("chat.completion");
		ObjectNode choice = completion.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		message.put("content", this.completion);
		message.putNull("refusal");
		choice.putNull("logprobs");
		choice.put("finish_reason", "stop");
		completion.set("usage", usage());
		return completion;
	}

	private Mono<Void> stream(JsonNode request, HttpServerResponse response) {
		boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
		String id = "chatcmpl-" + this.ids.incrementAndGet();
		List<ObjectNode> chunks = new ArrayList<>();
		chunks.add(chunk(id, "assistant", "", null));
		String text = this.completion;
		int step = Math.max(1, (text.length() + 2) / 3);
		for (int start = 0; start < text.length(); start += step) {
			chunks.add(chunk(id, null, text.substring(start, Math.min(text.length(), start + step)), null));
		}
		chunks.add(chunk(id, null, null, "stop"));
		if (includeUsage) {
			ObjectNode last = base("chat.completion.chunk");
			last.put("id", id);
			last.putArray("choices");
			last.set("usage", usage());
			chunks.add(last);
		}
		Flux<String> events = Flux.fromIterable(chunks)
			.map((chunk) -> "data: " + MockJson.MAPPER.writeValueAsString(chunk) + "\n\n")
			.concatWithValues("data: [DONE]\n\n");
		return response.status(200)
			.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
			.sendString(events, StandardCharsets.UTF_8)
			.then();
	}

	private ObjectNode chunk(String id, @Nullable String role, @Nullable String content,
			@Nullable String finishReason) {
		ObjectNode chunk = base("chat.completion.chunk");
		chunk.put("id", id);
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode delta = choice.putObject("delta");
		if (role != null) {
			delta.put("role", role);
		}
		if (content != null) {
			delta.put("content", content);
		}
		choice.putNull("logprobs");
		if (finishReason != null) {
			choice.put("finish_reason", finishReason);
		}
		else {
			choice.putNull("finish_reason");
		}
		return chunk;
	}

	private ObjectNode base(String object) {
		ObjectNode node = MockJson.object();
		node.put("id", "chatcmpl-" + this.ids.incrementAndGet());
		node.put("object", object);
		node.put("created", System.currentTimeMillis() / 1000);
		node.put("model", this.model);
		node.put("system_fingerprint", "fp_fake");
		return node;
	}

	private ObjectNode usage() {
		ObjectNode usage = MockJson.object();
		usage.put("prompt_tokens", this.promptTokens);
		usage.put("completion_tokens", this.completionTokens);
		usage.put("total_tokens", this.promptTokens + this.completionTokens);
		usage.putObject("prompt_tokens_details").put("cached_tokens", this.cachedTokens);
		usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
		return usage;
	}

	private ObjectNode embeddings(JsonNode request) {
		JsonNode input = request.path("input");
		int count = input.isArray() ? input.size() : 1;
		ObjectNode response = MockJson.object();
		response.put("object", "list");
		ArrayNode data = response.putArray("data");
		for (int i = 0; i < count; i++) {
			ObjectNode embedding = data.addObject();
			embedding.put("object", "embedding");
			embedding.put("index", i);
			ArrayNode vector = embedding.putArray("embedding");
			for (int d = 0; d < 8; d++) {
				vector.add((float) Math.sin(i + d));
			}
		}
		response.put("model", this.embeddingModel);
		ObjectNode usage = response.putObject("usage");
		usage.put("prompt_tokens", count * this.embeddingTokensPerInput);
		usage.put("total_tokens", count * this.embeddingTokensPerInput);
		return response;
	}

	private static ObjectNode error(String message) {
		ObjectNode body = MockJson.object();
		ObjectNode error = body.putObject("error");
		error.put("message", message);
		error.put("type", "invalid_request_error");
		return body;
	}

	private static Mono<Void> json(HttpServerResponse response, int status, ObjectNode body) {
		byte[] bytes = MockJson.bytes(body);
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(bytes.length))
			.sendByteArray(Mono.just(bytes))
			.then();
	}

	@Override
	public String toString() {
		return "FakeOpenAiServer[" + (this.server.isRunning() ? baseUrl() : "stopped") + "]";
	}

}
